package org.mtb.intake.application;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mtb.contracts.Channel;
import org.mtb.contracts.DiseaseCategory;
import org.mtb.contracts.intake.Agent;
import org.mtb.contracts.intake.Applicant;
import org.mtb.contracts.intake.ApplicationKind;
import org.mtb.contracts.intake.Hospital;
import org.mtb.contracts.intake.Submitter;
import org.mtb.support.outbox.OutboxEntry;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A submitted application. The applicant's ID number, name and phone and the condition summary are stored sealed
 * ({@link PersonalDataSeals}); an application stored before encryption began holds them in clear until the
 * re-encryption job seals them. Immutable once submitted except for its status and timeline, which only
 * the review events move (with what they tell of its public notice and qualification); {@code processedEventIds}
 * makes those moves idempotent.
 *
 * @param idempotencyKey the submitter's subject and the key it sent ({@link Submitters#scopedKey}): two callers that
 *        happen to send the same key get two applications, and neither sees the other's
 * @param submittedBy who submitted it, from the request's access token; null for one stored before tokens
 * @param identityVerification how the person was verified ({@link IdentityAssurance}); null where none was shown
 *        and the region required none
 * @param materials the material items submitted, checked against the catalog ({@link MaterialsCheck}); null in an
 *        application stored before materials were taken
 * @param declaration the truthfulness declaration confirmed, its version and moment; null before it was asked for
 * @param supplements the supplement requests (补正) of its review, oldest first, each with what answered it
 * @param withdrawal why and when the applicant withdrew it; null unless withdrawn
 * @param reviewDueAt when review promised a decision, as its start or a later extension of the deadline said (the
 *        later of them); null until then, while it waits for a supplement, and once decided
 * @param kind new, change or renewal; null in an application stored before kinds, which was new
 * @param qualificationNumber the qualification a change or renewal concerns
 * @param agent the agent (代办人) who applied for the person, sealed as the applicant is; null when the person applied
 * @param publicNotice the public notice (公示) its approval entered, with the objections raised; null where none
 * @param qualification the qualification it led to, granted and perhaps ended; null until review tells of one (not
 *        the {@code qualificationNumber} a change or renewal concerns)
 * @param version grows with every move; a move is one update conditional on the version it read (null in an
 *        application stored before versions existed), answered by a unique index on {@code (_id, version)} even in
 *        the embedded MongoDB, which uses an index only when a query names exactly its fields
 */
@Document(Application.COLLECTION)
public record Application(
        @Id String applicationNumber,
        String idempotencyKey,
        String requestFingerprint,
        String regionCode,
        String diseaseCode,
        String diseaseName,
        DiseaseCategory diseaseCategory,
        Applicant applicant,
        Hospital hospital,
        String conditionSummary,
        Channel channel,
        Instant submittedAt,
        ApplicationStatus status,
        List<TimelineEntry> timeline,
        @Nullable List<String> processedEventIds,
        @Nullable Long version,
        List<OutboxEntry> outbox,
        @Nullable Submitter submittedBy,
        @Nullable VerifiedIdentity identityVerification,
        @Nullable List<MaterialItem> materials,
        @Nullable ConfirmedDeclaration declaration,
        @Nullable List<SupplementRound> supplements,
        @Nullable Withdrawal withdrawal,
        @Nullable Instant reviewDueAt,
        @Nullable ApplicationKind kind,
        @Nullable String qualificationNumber,
        @Nullable Agent agent,
        @Nullable PublicNotice publicNotice,
        @Nullable Qualification qualification) {

    /** The truthfulness declaration as confirmed: the version of the text shown, and when. */
    public record ConfirmedDeclaration(String version, Instant confirmedAt) {
    }

    /** A withdrawal at the applicant's request: the reason given, when, and by which account. */
    public record Withdrawal(String reason, Instant at, String by) {
    }

    /** The open supplement request, if the application waits for one. */
    public java.util.Optional<SupplementRound> openSupplement() {
        return supplements == null || status != ApplicationStatus.SUPPLEMENT_REQUIRED ? java.util.Optional.empty()
                : supplements.stream().filter(SupplementRound::open).reduce((first, second) -> second);
    }

    public static final String COLLECTION = "applications";

    @Override
    public String toString() {
        return "Application[" + applicationNumber + ", " + regionCode + "/" + diseaseCode + ", " + status + "]";
    }
}
