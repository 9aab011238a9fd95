package org.mtb.intake.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mtb.intake.application.ApplicationStatus.REJECTED;
import static org.mtb.intake.application.ApplicationStatus.SUBMITTED;
import static org.mtb.intake.application.ApplicationStatus.SUPPLEMENT_REQUIRED;
import static org.mtb.intake.application.ApplicationStatus.UNDER_REVIEW;
import static org.mtb.intake.application.ApplicationStatus.WITHDRAWN;
import static org.mtb.intake.progress.AppliedChanges.apply;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mtb.contracts.Channel;
import org.mtb.contracts.DiseaseCategory;
import org.mtb.contracts.InsuranceType;
import org.mtb.contracts.intake.Applicant;
import org.mtb.contracts.intake.Hospital;
import org.mtb.contracts.review.ApplicationDecided;
import org.mtb.contracts.review.DecisionOutcome;
import org.mtb.contracts.review.Recipient;
import org.mtb.contracts.review.ReviewExtended;
import org.mtb.contracts.review.ReviewStarted;
import org.mtb.contracts.review.SupplementItem;
import org.mtb.contracts.review.SupplementLapsed;
import org.mtb.intake.application.Application;
import org.mtb.intake.application.ApplicationStatus;
import org.mtb.intake.application.SupplementRound;
import org.mtb.intake.application.TimelineEntry;
import org.mtb.intake.progress.ApplicationProgress.Change;
import org.springframework.data.mongodb.core.query.Update;

/**
 * What review's start and an extension of its deadline (延长审核期限) do to an application, in the order review sends
 * them and in the orders their topics may deliver them: each change applied as {@link ApplicationProgress} writes it
 * (its status, its entry, the deadline it sets).
 */
class ReviewChangesTests {

    static final String NUMBER = "620900-20261123-000001";
    static final Instant OPENED = Instant.parse("2026-11-24T01:00:00Z");
    static final Instant PROMISED = Instant.parse("2026-12-21T09:30:00Z");
    static final Instant EXTENDED = Instant.parse("2027-01-05T09:30:00Z");
    static final Instant EXTENDED_AGAIN = Instant.parse("2027-01-19T09:30:00Z");
    static final Recipient RECIPIENT = new Recipient(null, "enc:1:k:phone", "张*", null);

    @Test
    void anExtensionShowsTheNewDeadlineWithItsReasonAndKeepsTheApplicationUnderReview() {
        Application extended = apply(submitted(SUBMITTED), started(), extension(1, PROMISED, EXTENDED));

        assertThat(extended.status()).isEqualTo(UNDER_REVIEW);
        assertThat(extended.reviewDueAt()).isEqualTo(EXTENDED);
        assertThat(extended.timeline().getLast()).extracting(TimelineEntry::status, TimelineEntry::note)
                .containsExactly(UNDER_REVIEW, "审核期限延长至2027年1月5日 17:30，延长原因：需调取外院病历核实诊断");
        assertThat(extended.timeline().getLast().at()).isEqualTo(OPENED.plusSeconds(86_400 * 15));
    }

    @Test
    void aLateReviewStartOrAnOvertakenExtensionDoesNotTakeBackTheLaterDeadline() {
        Application startedLate = apply(submitted(SUBMITTED), extension(1, PROMISED, EXTENDED), started());
        Application overtaken = apply(submitted(UNDER_REVIEW), started(), extension(2, EXTENDED, EXTENDED_AGAIN),
                extension(1, PROMISED, EXTENDED));

        assertThat(startedLate.status()).as("an extension means the review began").isEqualTo(UNDER_REVIEW);
        assertThat(startedLate.reviewDueAt()).isEqualTo(EXTENDED);
        assertThat(overtaken.reviewDueAt()).isEqualTo(EXTENDED_AGAIN);
        assertThat(overtaken.timeline()).extracting(TimelineEntry::note).filteredOn(note -> note.startsWith("审核期限延长"))
                .hasSize(2);
    }

    @Test
    void anExtensionAfterTheDecisionRecordsItsEntryAndMovesNothingBack() {
        Application decided = apply(submitted(UNDER_REVIEW), started(), rejected());

        Application extendedLate = apply(decided, extension(1, PROMISED, EXTENDED));

        assertThat(extendedLate.status()).isEqualTo(REJECTED);
        assertThat(extendedLate.reviewDueAt()).as("no deadline once decided").isNull();
        assertThat(extendedLate.timeline()).extracting(TimelineEntry::note)
                .contains("审核期限延长至2027年1月5日 17:30，延长原因：需调取外院病历核实诊断");
    }

    @Test
    void anExtensionSetsNoDeadlineWhileTheApplicationWaitsForASupplementOrHasEnded() {
        Application waiting = apply(submitted(SUPPLEMENT_REQUIRED), extension(1, PROMISED, EXTENDED));
        Application withdrawn = apply(submitted(WITHDRAWN), extension(1, PROMISED, EXTENDED));

        assertThat(waiting.status()).isEqualTo(SUPPLEMENT_REQUIRED);
        assertThat(waiting.reviewDueAt()).isNull();
        assertThat(withdrawn.status()).isEqualTo(WITHDRAWN);
        assertThat(withdrawn.reviewDueAt()).isNull();
    }

    @Test
    void aLapsedRoundEndsTheApplicationAndIsMarkedLapsedInPlace() {
        Instant requested = OPENED.plusSeconds(86_400);
        SupplementItem item = new SupplementItem("DISEASE_CERTIFICATE", "诊断证明", "未加盖公章");
        Application waiting = withSupplement(submitted(SUPPLEMENT_REQUIRED), new SupplementRound(1, "e-request",
                List.of(item), requested, requested.plusSeconds(86_400 * 30), null, null, null));
        Instant closed = requested.plusSeconds(86_400 * 31);
        Change lapsed = ReviewChanges.supplementLapsed(new SupplementLapsed(UUID.randomUUID(),
                SupplementLapsed.SCHEMA_VERSION, closed, NUMBER, "620900", "高血压", 1,
                requested.plusSeconds(86_400 * 30), closed, RECIPIENT));

        Update update = ApplicationProgress.update(waiting, lapsed);

        assertThat(update.getUpdateObject().get("$set", org.bson.Document.class))
                .containsEntry("supplements.0.lapsedAt", closed);
        assertThat(apply(waiting, lapsed).status()).isEqualTo(ApplicationStatus.NOT_SUPPLEMENTED);
    }

    // -- events, as review writes them

    private static Change started() {
        return ReviewChanges.started(new ReviewStarted(UUID.randomUUID(), 1, OPENED, NUMBER, "620900", OPENED,
                PROMISED));
    }

    private static Change extension(int nth, Instant previousDueAt, Instant dueAt) {
        return ReviewChanges.extended(new ReviewExtended(UUID.randomUUID(), ReviewExtended.SCHEMA_VERSION,
                OPENED.plusSeconds(86_400L * 15 * nth), NUMBER, "620900", "高血压", nth, previousDueAt, dueAt,
                nth == 1 ? "需调取外院病历核实诊断" : "专家会诊", RECIPIENT));
    }

    private static Change rejected() {
        Instant at = OPENED.plusSeconds(86_400 * 10);
        return ReviewChanges.decided(new ApplicationDecided(UUID.randomUUID(), 2, at, NUMBER, "620900", "M03900",
                "高血压", DecisionOutcome.REJECTED, List.of("诊断证明未加盖公章"), "expert-1", at, RECIPIENT));
    }

    // -- applications, and the changes applied as ApplicationProgress writes them

    private static Application withSupplement(Application a, SupplementRound round) {
        return new Application(a.applicationNumber(), a.idempotencyKey(), a.requestFingerprint(), a.regionCode(),
                a.diseaseCode(), a.diseaseName(), a.diseaseCategory(), a.applicant(), a.hospital(), a.conditionSummary(),
                a.channel(), a.submittedAt(), a.status(), a.timeline(), a.processedEventIds(), a.version(), a.outbox(),
                a.submittedBy(), a.identityVerification(), a.materials(), a.declaration(), List.of(round),
                a.withdrawal(), a.reviewDueAt(), a.kind(), a.qualificationNumber(), a.agent(), a.publicNotice(),
                a.qualification());
    }

    private static Application submitted(ApplicationStatus status) {
        Instant at = Instant.parse("2026-11-23T02:00:00Z");
        return new Application(NUMBER, "k1", "f", "620900", "M03900", "高血压", DiseaseCategory.CHRONIC,
                new Applicant("enc:id", "enc:name", "enc:phone", InsuranceType.EMPLOYEE, "index", null),
                new Hospital("酒泉市人民医院", 3, null), "enc:summary", Channel.APP, at, status,
                List.of(new TimelineEntry(ApplicationStatus.SUBMITTED, at, "已受理")), List.of(), 0L, List.of(), null,
                null, null, null, null, null, null, null, null, null, null, null);
    }
}
