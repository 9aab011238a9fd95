package org.mtb.notification.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mtb.contracts.review.ObjectionRaised;
import org.mtb.contracts.review.ObjectionSettled;
import org.mtb.contracts.review.PublicNoticeStarted;
import org.mtb.contracts.review.QualificationExpired;
import org.mtb.contracts.review.QualificationGranted;
import org.mtb.contracts.review.QualificationRevoked;
import org.mtb.contracts.review.RecheckDue;
import org.mtb.contracts.review.Recipient;
import org.mtb.contracts.review.ReviewExtended;

/**
 * Review's events after a submission (an extended deadline, and those after an approval) are refused, to the
 * dead-letter topic, when they lack what their message needs, and told without what only some wording depends on.
 */
class EventChecksTests {

    private static final String NUMBER = "620900-20261123-000001";
    private static final Instant NOW = Instant.parse("2026-12-10T06:30:00Z");
    private static final Recipient RECIPIENT = new Recipient(null, "enc:1:test-k1:sealed", "张*", null);

    @Test
    void refusesEventsThatCannotBeTold() {
        assertThatIllegalArgumentException().isThrownBy(() -> EventChecks.checked(new PublicNoticeStarted(
                UUID.randomUUID(), 1, NOW, NUMBER, "620900", "高血压病", LocalDate.of(2026, 12, 11), null, RECIPIENT)))
                .withMessageContaining("noticeUntil");
        assertThatIllegalArgumentException().isThrownBy(() -> EventChecks.checked(new ObjectionRaised(
                UUID.randomUUID(), 1, NOW, null, "OBJ-1", "620900", "高血压病", RECIPIENT)))
                .withMessageContaining("applicationNumber");
        assertThatIllegalArgumentException().isThrownBy(() -> EventChecks.checked(new ObjectionSettled(null, 1, NOW,
                NUMBER, "OBJ-1", "620900", "高血压病", true, "经核实异议成立", RECIPIENT)))
                .withMessageContaining("eventId");
        assertThatIllegalArgumentException().isThrownBy(() -> EventChecks.checked(new QualificationGranted(
                UUID.randomUUID(), 1, NOW, NUMBER, "Q-" + NUMBER, "620900", "M03900", "高血压病",
                QualificationGranted.Grant.REVIEW, null, null, null, null, RECIPIENT)))
                .withMessageContaining("validFrom");
        assertThatIllegalArgumentException().isThrownBy(() -> EventChecks.checked(new QualificationRevoked(
                UUID.randomUUID(), 1, NOW, NUMBER, null, "620900", "高血压病", "事后审核不通过", "reviewer-620900",
                RECIPIENT))).withMessageContaining("qualificationNumber");
        assertThatIllegalArgumentException().isThrownBy(() -> EventChecks.checked(new RecheckDue(UUID.randomUUID(), 1,
                NOW, NUMBER, "Q-" + NUMBER, "620900", "高血压病", null, RECIPIENT))).withMessageContaining("validTo");
        assertThatIllegalArgumentException().isThrownBy(() -> EventChecks.checked(new QualificationExpired(
                UUID.randomUUID(), 1, NOW, NUMBER, "Q-" + NUMBER, "620900", null, LocalDate.of(2027, 12, 17),
                RECIPIENT))).withMessageContaining("diseaseName");
        assertThatIllegalArgumentException().isThrownBy(() -> EventChecks.checked((RecheckDue) null))
                .withMessageContaining("no event");
    }

    @Test
    void refusesAnExtensionWithoutItsNewDeadlineOrReasonAndTellsOneWithoutThePreviousDeadline() {
        Instant previous = Instant.parse("2026-12-21T09:30:00Z");
        Instant due = Instant.parse("2027-01-05T09:30:00Z");

        assertThatIllegalArgumentException().isThrownBy(() -> EventChecks.checked(new ReviewExtended(UUID.randomUUID(),
                1, NOW, NUMBER, "620900", "高血压病", 1, previous, null, "需调取外院病历核实诊断", RECIPIENT)))
                .withMessageContaining("dueAt");
        assertThatIllegalArgumentException().isThrownBy(() -> EventChecks.checked(new ReviewExtended(UUID.randomUUID(),
                1, NOW, NUMBER, "620900", "高血压病", 1, previous, due, null, RECIPIENT))).withMessageContaining("reason");
        assertThatIllegalArgumentException().isThrownBy(() -> EventChecks.checked(new ReviewExtended(UUID.randomUUID(),
                1, NOW, NUMBER, "620900", "高血压病", 1, previous, due, "  ", RECIPIENT))).withMessageContaining("reason");
        assertThatIllegalArgumentException().isThrownBy(() -> EventChecks.checked(new ReviewExtended(UUID.randomUUID(),
                1, NOW, NUMBER, "620900", null, 1, previous, due, "需调取外院病历核实诊断", RECIPIENT)))
                .withMessageContaining("diseaseName");
        ReviewExtended withoutPrevious = new ReviewExtended(UUID.randomUUID(), 1, NOW, NUMBER, "620900", "高血压病", 1,
                null, due, "需调取外院病历核实诊断", RECIPIENT);
        assertThat(EventChecks.checked(withoutPrevious)).isSameAs(withoutPrevious);
    }

    @Test
    void tellsAQualificationWithoutAnEndOrHowItWasGrantedAndARevocationWithoutAReason() {
        QualificationGranted longTerm = new QualificationGranted(UUID.randomUUID(), 1, NOW, NUMBER, "Q-" + NUMBER,
                "620900", "M03900", "高血压病", null, null, LocalDate.of(2026, 12, 18), null, null, RECIPIENT);
        QualificationRevoked withoutReason = new QualificationRevoked(UUID.randomUUID(), 1, NOW, NUMBER, "Q-" + NUMBER,
                "620900", "高血压病", null, "reviewer-620900", RECIPIENT);

        assertThat(EventChecks.checked(longTerm)).isSameAs(longTerm);
        assertThat(EventChecks.checked(withoutReason)).isSameAs(withoutReason);
    }
}
