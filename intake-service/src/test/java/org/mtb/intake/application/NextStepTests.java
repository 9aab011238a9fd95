package org.mtb.intake.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.mtb.contracts.Channel;
import org.mtb.contracts.DiseaseCategory;
import org.mtb.contracts.InsuranceType;
import org.mtb.contracts.intake.Applicant;
import org.mtb.contracts.intake.Hospital;
import org.mtb.contracts.review.QualificationGranted;

/** What the applicant is told to do next, and what followed the approval, in each status after a decision. */
class NextStepTests {

    static final PublicNotice NOTICE = new PublicNotice(LocalDate.of(2026, 12, 11), LocalDate.of(2026, 12, 17),
            List.of());
    static final Qualification GRANTED = new Qualification("Q-620900-20261123-000001",
            QualificationGranted.Grant.REVIEW, LocalDate.of(2026, 12, 18), LocalDate.of(2027, 12, 17), null, null,
            null);

    @Test
    void inNoticeTheApplicantWaitsUntilTheNoticesLastDay() {
        Application noticed = application(ApplicationStatus.IN_PUBLIC_NOTICE, NOTICE, null);

        assertThat(NextStep.of(noticed).action()).isEqualTo("WAIT_FOR_PUBLIC_NOTICE");
        assertThat(NextStep.of(noticed).text()).contains("公示期至2026年12月17日");
        assertThat(Aftermath.of(noticed)).isEqualTo(new Aftermath(LocalDate.of(2026, 12, 11),
                LocalDate.of(2026, 12, 17), null, null, null, null, null));
        assertThat(NextStep.of(application(ApplicationStatus.UNDER_OBJECTION, NOTICE, null)).action())
                .isEqualTo("WAIT_FOR_OBJECTION_DECISION");
    }

    @Test
    void anApprovalInEffectTellsTheQualificationsDays() {
        Application approved = application(ApplicationStatus.APPROVED, NOTICE, GRANTED);

        assertThat(NextStep.of(approved).action()).isEqualTo("USE_QUALIFICATION");
        assertThat(NextStep.of(approved).text()).endsWith("资格自2026年12月18日起生效，有效期至2027年12月17日");
        assertThat(Aftermath.of(approved).qualificationNumber()).isEqualTo("Q-620900-20261123-000001");
        assertThat(Aftermath.of(approved).validTo()).isEqualTo(LocalDate.of(2027, 12, 17));
    }

    @Test
    void anUpheldObjectionOrARevocationMayBeAppliedForAgainWithItsReasonAndAnExpiryRenewed() {
        PublicNotice upheld = new PublicNotice(NOTICE.from(), NOTICE.until(), List.of(new PublicNotice.Objection(
                "OBJ-1", Instant.parse("2026-12-14T02:00:00Z"), Instant.parse("2026-12-15T03:00:00Z"), true,
                "病历资料与实际病情不符")));
        Qualification revoked = new Qualification(GRANTED.number(), GRANTED.grantedBy(), GRANTED.validFrom(),
                GRANTED.validTo(), Instant.parse("2026-12-19T03:00:00Z"), "事后审核：诊断证明未加盖医院公章", null);

        Application withdrawn = application(ApplicationStatus.OBJECTION_UPHELD, upheld, null);
        Application ended = application(ApplicationStatus.QUALIFICATION_REVOKED, null, revoked);

        assertThat(NextStep.of(withdrawn).action()).isEqualTo("APPLY_AGAIN_IF_NEEDED");
        assertThat(Aftermath.of(withdrawn).reason()).isEqualTo("病历资料与实际病情不符");
        assertThat(NextStep.of(ended).action()).isEqualTo("APPLY_AGAIN_IF_NEEDED");
        assertThat(Aftermath.of(ended).reason()).isEqualTo("事后审核：诊断证明未加盖医院公章");
        assertThat(NextStep.of(application(ApplicationStatus.QUALIFICATION_EXPIRED, null, GRANTED)).action())
                .isEqualTo("APPLY_FOR_RENEWAL");
        assertThat(Aftermath.of(application(ApplicationStatus.UNDER_REVIEW, null, null))).isNull();
    }

    @Test
    void anApprovalInNoticeKeepsTheDiseaseClaimedAndWhatEndsItAfterwardsIsFinal() {
        assertThat(ApplicationStatus.IN_PUBLIC_NOTICE.isDecided()).isTrue();
        assertThat(ApplicationStatus.IN_PUBLIC_NOTICE.isFinal()).as("the claim on the disease is kept").isFalse();
        assertThat(ApplicationStatus.UNDER_OBJECTION.isFinal()).isFalse();
        assertThat(List.of(ApplicationStatus.OBJECTION_UPHELD, ApplicationStatus.QUALIFICATION_REVOKED,
                ApplicationStatus.QUALIFICATION_EXPIRED)).allMatch(ApplicationStatus::isFinal)
                .allMatch(ApplicationStatus::isDecided);
    }

    private static Application application(ApplicationStatus status, @Nullable PublicNotice notice,
            @Nullable Qualification qualification) {
        Instant at = Instant.parse("2026-11-23T02:00:00Z");
        return new Application("620900-20261123-000001", "k1", "f", "620900", "M03900", "高血压", DiseaseCategory.CHRONIC,
                new Applicant("enc:id", "enc:name", "enc:phone", InsuranceType.EMPLOYEE, "index", null),
                new Hospital("酒泉市人民医院", 3, null), "enc:summary", Channel.APP, at, status,
                List.of(new TimelineEntry(ApplicationStatus.SUBMITTED, at, "已受理")), List.of(), 0L, List.of(), null,
                null, null, null, null, null, null, null, null, null, notice, qualification);
    }
}
