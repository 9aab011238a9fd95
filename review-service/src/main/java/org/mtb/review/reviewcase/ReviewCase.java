package org.mtb.review.reviewcase;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mtb.contracts.Channel;
import org.mtb.contracts.DiseaseCategory;
import org.mtb.contracts.intake.Applicant;
import org.mtb.contracts.intake.Hospital;
import org.mtb.review.sla.SlaCases;
import org.mtb.review.sla.SlaClock;
import org.mtb.support.outbox.OutboxEntry;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The review of one application; its id is the application number, so one application opens one case.
 *
 * @param catalogVersion the region's catalog version the case was opened under; null if none had arrived
 * @param sla its deadline; null while the region's catalog carries no time limit for its category
 * @param supplements the supplement requests (补正), oldest first; null in a case stored before them
 * @param closing how a case ended without a decision (withdrawn, not supplemented); null otherwise
 * @param claim the reviewer working on it, whose lease may have expired; null if nobody ever claimed it
 * @param notice the public notice (公示) its approval entered, where the region has one; null otherwise
 * @param qualification the qualification its approval granted, once in effect; null before and without one
 * @param filing the check of the region's instant-filing rule when it opened; null where its category has none
 * @param extensions the requests to extend its deadline, oldest first; null where none was made
 * @param succession the qualification a renewal or change application continues; null for a new application
 * @param routing where and by how many it is reviewed; null in a case opened before routing (the bureau's, one reviewer)
 * @param votes a panel's votes so far; null where none was cast
 * @param version grows with every change; a change is one update conditional on the version it read (null in a
 *        case stored before versions existed), which a unique index on {@code (_id, version)} answers at once
 *        even in the embedded MongoDB, whose query planner uses an index only when a query names all its fields
 */
@Document(ReviewCase.COLLECTION)
record ReviewCase(
        @Id String applicationNumber,
        String submittedEventId,
        String regionCode,
        String diseaseCode,
        String diseaseName,
        DiseaseCategory diseaseCategory,
        Applicant applicant,
        Hospital hospital,
        String conditionSummary,
        Channel channel,
        Instant submittedAt,
        Instant openedAt,
        CaseStatus status,
        @Nullable Decision decision,
        @Nullable String catalogVersion,
        @Nullable SlaClock sla,
        @Nullable Long version,
        List<OutboxEntry> outbox,
        @Nullable List<CaseSupplement> supplements,
        @Nullable Closing closing,
        @Nullable Claim claim,
        @Nullable PublicNotice notice,
        @Nullable Qualification qualification,
        @Nullable InstantFiling filing,
        @Nullable List<CaseExtension> extensions,
        @Nullable Succession succession,
        @Nullable CaseRouting routing,
        @Nullable List<PanelVote> votes) {

    /**
     * What an application of a kind other than new continues: a renewal (续办) of a qualification, continuing from its
     * end, or a change (变更) that replaces it.
     */
    record Succession(org.mtb.contracts.intake.ApplicationKind kind, String qualificationNumber) {
    }

    /** The claim held at {@code now}, if any: an expired lease holds nothing. */
    java.util.Optional<Claim> heldClaim(Instant now) {
        return java.util.Optional.ofNullable(claim).filter(held -> held.holdsAt(now));
    }

    /** A case ended without a decision: why, when, and by which event. */
    record Closing(CaseStatus status, Instant at, String eventId, @Nullable String reason) {
    }

    /**
     * Refuses a change by {@code username} while another reviewer's claim holds: only the holder decides. A case
     * nobody holds may be decided by any reviewer of its scope, in one update that no claim can overtake.
     */
    void requireNoOtherHolder(String username, Instant now) {
        heldClaim(now).filter(held -> !held.reviewer().equals(username)).ifPresent(held -> {
            throw CaseProblems.claimedByAnother(this, held);
        });
    }

    /** The supplement request it waits for, if any. */
    java.util.Optional<CaseSupplement> openSupplement() {
        return status != CaseStatus.AWAITING_SUPPLEMENT || supplements == null || supplements.isEmpty()
                ? java.util.Optional.empty()
                : java.util.Optional.of(supplements.getLast()).filter(CaseSupplement::open);
    }

    /**
     * The institution whose reviewers decide the case: the routed one, or for a case opened before routing the
     * diagnosing hospital (as reviewers narrowed to an institution saw cases then); null for the bureau's.
     */
    @Nullable String reviewingInstitution() {
        return routing != null ? routing.institution() : hospital.code();
    }

    int panelSize() {
        return routing == null ? 1 : routing.panelSize();
    }

    List<PanelVote> panelVotes() {
        return votes == null ? List.of() : votes;
    }

    List<CaseExtension> extensionRequests() {
        return extensions == null ? List.of() : extensions;
    }

    int rounds() {
        return supplements == null ? 0 : supplements.size();
    }

    static final String COLLECTION = SlaCases.COLLECTION;

    /** Matches this case only while nobody changed it since it was read. */
    Query unchanged() {
        return Query.query(Criteria.where("_id").is(applicationNumber).and("version").is(version));
    }

    @Override
    public String toString() {
        return "ReviewCase[" + applicationNumber + ", " + regionCode + "/" + diseaseCode + ", " + status + "]";
    }
}
