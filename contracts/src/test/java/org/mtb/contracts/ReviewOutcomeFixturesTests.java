package org.mtb.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.mtb.contracts.review.ApplicationDecided;
import org.mtb.contracts.review.DecisionOutcome;
import org.mtb.contracts.review.ObjectionRaised;
import org.mtb.contracts.review.ObjectionSettled;
import org.mtb.contracts.review.PublicNoticeStarted;
import org.mtb.contracts.review.QualificationExpired;
import org.mtb.contracts.review.QualificationGranted;
import org.mtb.contracts.review.QualificationRevoked;
import org.mtb.contracts.review.RecheckDue;
import org.mtb.contracts.review.ReviewExtended;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The events of a decision's aftermath: coded reasons, public notice, objections, qualifications. */
class ReviewOutcomeFixturesTests {

    private final JsonMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    @Test
    void aRejectionCarriesTheRegionsReasonCodesBesideTheTextTheApplicantReads() throws Exception {
        ApplicationDecided event = roundTrip("application-decided.v2-rejected-with-codes.json", ApplicationDecided.class);

        assertThat(event.outcome()).isEqualTo(DecisionOutcome.REJECTED);
        assertThat(event.reasonCodes()).containsExactly("HOSPITAL_LEVEL_TOO_LOW");
        assertThat(event.reasons()).hasSize(2);
        assertThat(event.effectiveFrom()).isNull();
        assertThat(event.publicNoticeUntil()).isNull();
    }

    @Test
    void anApprovalUnderPublicNoticeHasNoEffectiveDateYet() throws Exception {
        ApplicationDecided event = roundTrip("application-decided.v2-approved-noticed.json", ApplicationDecided.class);

        assertThat(event.effectiveFrom()).isNull();
        assertThat(event.publicNoticeUntil()).isEqualTo(LocalDate.of(2026, 12, 17));
    }

    @Test
    void aDecisionWrittenBeforeTheWorkbenchHasNoCodesAndNoDates() throws Exception {
        ApplicationDecided event = roundTrip("application-decided.v2.json", ApplicationDecided.class);

        assertThat(event.reasonCodes()).isNull();
        assertThat(event.effectiveFrom()).isNull();
    }

    @Test
    void publicNoticeAndObjectionsTellTheApplicantWithoutNamingTheObjector() throws Exception {
        PublicNoticeStarted notice = roundTrip("public-notice-started.v1.json", PublicNoticeStarted.class);
        ObjectionRaised raised = roundTrip("objection-raised.v1.json", ObjectionRaised.class);
        ObjectionSettled settled = roundTrip("objection-settled.v1.json", ObjectionSettled.class);

        assertThat(notice.noticeUntil()).isAfter(notice.noticeFrom());
        assertThat(raised.objectionId()).isEqualTo(settled.objectionId());
        assertThat(settled.upheld()).isTrue();
        assertThat(SealedFixtureValues.open(raised.recipient().phone(),
                SealedField.PHONE.context(raised.applicationNumber()))).isEqualTo("13800138000");
    }

    @Test
    void aQualificationsLifeIsGrantedRevokedRemindedAndExpired() throws Exception {
        QualificationGranted granted = roundTrip("qualification-granted.v1.json", QualificationGranted.class);
        QualificationRevoked revoked = roundTrip("qualification-revoked.v1.json", QualificationRevoked.class);
        RecheckDue due = roundTrip("recheck-due.v1.json", RecheckDue.class);
        QualificationExpired expired = roundTrip("qualification-expired.v1.json", QualificationExpired.class);

        assertThat(granted.grantedBy()).isEqualTo(QualificationGranted.Grant.REVIEW);
        assertThat(granted.ruleVersion()).isNull();
        assertThat(granted.validTo()).isEqualTo(LocalDate.of(2027, 12, 17));
        assertThat(granted.qualificationNumber()).isEqualTo("Q-" + granted.applicationNumber());
        assertThat(revoked.qualificationNumber()).isEqualTo(granted.qualificationNumber());
        assertThat(due.validTo()).isEqualTo(granted.validTo()).isEqualTo(expired.validTo());
        assertThat(expired.occurredAt()).isAfter(due.occurredAt());
    }

    @Test
    void anExtensionMovesTheDeadlineLaterAndSaysWhy() throws Exception {
        ReviewExtended event = roundTrip("review-extended.v1.json", ReviewExtended.class);

        assertThat(event.dueAt()).isAfter(event.previousDueAt());
        assertThat(event.extension()).isEqualTo(1);
        assertThat(event.reason()).isNotBlank();
    }

    @Test
    void theShippedRegionsCatalogsCarryTheirReviewRules() throws Exception {
        for (String region : java.util.List.of("520200", "620900", "659006")) {
            try (InputStream in = getClass().getResourceAsStream("/catalogs/" + region + ".json")) {
                assertThat(in).as("snapshot of %s", region).isNotNull();
                var catalog = json.readValue(in, org.mtb.contracts.catalog.CatalogPublished.class);
                assertThat(catalog.regionCode()).isEqualTo(region);
                assertThat(catalog.policy().review()).as("%s states review rules", region).isNotNull();
                assertThat(catalog.policy().reviewRules().rejectionReasons()).isNotEmpty();
            }
        }
    }

    private <T> T roundTrip(String name, Class<T> type) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/events/" + name)) {
            assertThat(in).as("fixture %s", name).isNotNull();
            T event = json.readValue(in, type);
            assertThat(json.readValue(json.writeValueAsString(event), type)).as("round trip of %s", name)
                    .isEqualTo(event);
            return event;
        }
    }
}
