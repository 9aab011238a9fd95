package org.mtb.intake.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mtb.intake.application.ApplicationStatus.APPROVED;
import static org.mtb.intake.application.ApplicationStatus.IN_PUBLIC_NOTICE;
import static org.mtb.intake.application.ApplicationStatus.OBJECTION_UPHELD;
import static org.mtb.intake.application.ApplicationStatus.QUALIFICATION_EXPIRED;
import static org.mtb.intake.application.ApplicationStatus.QUALIFICATION_REVOKED;
import static org.mtb.intake.application.ApplicationStatus.REJECTED;
import static org.mtb.intake.application.ApplicationStatus.UNDER_OBJECTION;
import static org.mtb.intake.application.ApplicationStatus.UNDER_REVIEW;
import static org.mtb.intake.application.ApplicationStatus.WITHDRAWN;
import static org.mtb.intake.progress.AppliedChanges.apply;

import java.time.Instant;
import java.time.LocalDate;
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
import org.mtb.contracts.review.ObjectionRaised;
import org.mtb.contracts.review.ObjectionSettled;
import org.mtb.contracts.review.PublicNoticeStarted;
import org.mtb.contracts.review.QualificationExpired;
import org.mtb.contracts.review.QualificationGranted;
import org.mtb.contracts.review.QualificationRevoked;
import org.mtb.contracts.review.Recipient;
import org.mtb.contracts.review.SupplementItem;
import org.mtb.contracts.review.SupplementRequested;
import org.mtb.intake.application.Application;
import org.mtb.intake.application.ApplicationStatus;
import org.mtb.intake.application.PublicNotice;
import org.mtb.intake.application.TimelineEntry;
import org.mtb.intake.progress.ApplicationProgress.Change;

/**
 * What review's decision and its aftermath do to an application, in the order review sends them and in the orders
 * its topics may deliver them: each change is applied as {@link ApplicationProgress} writes it (its status, its entry,
 * the notice and qualification it sets).
 */
class AftermathChangesTests {

    static final String NUMBER = "620900-20261123-000001";
    static final Instant DECIDED = Instant.parse("2026-12-10T06:30:00Z");
    static final LocalDate FROM = LocalDate.of(2026, 12, 11);
    static final LocalDate UNTIL = LocalDate.of(2026, 12, 17);
    static final Recipient RECIPIENT = new Recipient(null, "enc:1:k:phone", "张*", null);

    @Test
    void aNoticedApprovalEntersThePublicNoticeUntilItsLastDay() {
        Application noticed = apply(submitted(UNDER_REVIEW), decidedWithNotice(), noticeStarted());

        assertThat(noticed.status()).isEqualTo(IN_PUBLIC_NOTICE);
        assertThat(noticed.publicNotice().from()).isEqualTo(FROM);
        assertThat(noticed.publicNotice().until()).isEqualTo(UNTIL);
        assertThat(noticed.timeline()).extracting(TimelineEntry::note)
                .contains("审核通过，进入公示，公示期至2026年12月17日", "进入公示，公示期2026年12月11日至2026年12月17日");
    }

    @Test
    void anApprovalWithoutNoticeIsApprovedAsBeforeAndARejectionRejected() {
        var approved = new ApplicationDecided(UUID.randomUUID(), 2, DECIDED, NUMBER, "620900", "M03900", "高血压",
                DecisionOutcome.APPROVED, List.of(), "expert-1", DECIDED, RECIPIENT, List.of(), LocalDate.of(2026, 12, 10),
                null);
        var rejected = new ApplicationDecided(UUID.randomUUID(), 2, DECIDED, NUMBER, "620900", "M03900", "高血压",
                DecisionOutcome.REJECTED, List.of("诊断证明未加盖公章"), "expert-1", DECIDED, RECIPIENT);

        assertThat(apply(submitted(UNDER_REVIEW), ReviewChanges.decided(approved)).status()).isEqualTo(APPROVED);
        assertThat(apply(submitted(UNDER_REVIEW), ReviewChanges.decided(approved)).timeline().getLast().note())
                .isEqualTo("审核通过，待遇自2026年12月10日起生效");
        assertThat(apply(submitted(UNDER_REVIEW), ReviewChanges.decided(rejected)).status()).isEqualTo(REJECTED);
        assertThat(ReviewChanges.decided(approved).decision()).isEqualTo(APPROVED);
        assertThat(ReviewChanges.decided(decidedWithNoticeEvent()).decision()).as("counted as an approval")
                .isEqualTo(APPROVED);
    }

    @Test
    void anObjectionHoldsTheNoticeAndItsDismissalLetsItRunOn() {
        Application objected = apply(noticed(), raised("OBJ-1"));
        Application dismissed = apply(objected, settled("OBJ-1", false, "反映情况与事实不符"));

        assertThat(objected.status()).isEqualTo(UNDER_OBJECTION);
        assertThat(dismissed.status()).isEqualTo(IN_PUBLIC_NOTICE);
        assertThat(dismissed.timeline().getLast().note()).isEqualTo("异议不成立，公示继续：反映情况与事实不符");
    }

    @Test
    void dismissingOneOfTwoObjectionsStillWaitsForTheOther() {
        Application dismissedOne = apply(noticed(), raised("OBJ-1"), raised("OBJ-2"), settled("OBJ-1", false, "不成立"));

        assertThat(dismissedOne.status()).isEqualTo(UNDER_OBJECTION);
        assertThat(apply(dismissedOne, settled("OBJ-2", false, "不成立")).status()).isEqualTo(IN_PUBLIC_NOTICE);
    }

    @Test
    void anUpheldObjectionWithdrawsTheApprovalWithItsReason() {
        Application upheld = apply(noticed(), raised("OBJ-1"), settled("OBJ-1", true, "病历资料与实际病情不符"));

        assertThat(upheld.status()).isEqualTo(OBJECTION_UPHELD);
        assertThat(upheld.publicNotice().upheld()).get().extracting(PublicNotice.Objection::reason)
                .isEqualTo("病历资料与实际病情不符");
        assertThat(upheld.status().isFinal()).as("the person may apply again").isTrue();
    }

    @Test
    void theGrantedQualificationWinsOverTheNoticeAndCarriesItsNumberAndDates() {
        Application granted = apply(noticed(), granted(LocalDate.of(2027, 12, 17)));

        assertThat(granted.status()).isEqualTo(APPROVED);
        assertThat(granted.qualification().number()).isEqualTo("Q-" + NUMBER);
        assertThat(granted.qualification().validFrom()).isEqualTo(LocalDate.of(2026, 12, 18));
        assertThat(granted.qualification().validTo()).isEqualTo(LocalDate.of(2027, 12, 17));
        assertThat(granted.timeline().getLast().note())
                .isEqualTo("资格生效，资格编号Q-" + NUMBER + "，自2026年12月18日起至2027年12月17日");
        assertThat(apply(noticed(), granted(null)).timeline().getLast().note()).endsWith("起长期有效");
    }

    @Test
    void lateNoticeEventsDoNotMoveAnApprovalInEffectOrAWithdrawnApprovalBack() {
        Application inEffect = apply(submitted(UNDER_REVIEW), granted(null));
        Application upheld = apply(noticed(), raised("OBJ-1"), settled("OBJ-1", true, "不符"));

        assertThat(apply(inEffect, decidedWithNotice(), noticeStarted(), raised("OBJ-1")).status())
                .isEqualTo(APPROVED);
        assertThat(apply(upheld, raised("OBJ-2"), noticeStarted(), decidedWithNotice()).status())
                .isEqualTo(OBJECTION_UPHELD);
        assertThat(apply(upheld, settled("OBJ-2", false, "不成立")).status()).isEqualTo(OBJECTION_UPHELD);
        assertThat(apply(upheld, granted(null)).status()).as("a withdrawn approval grants nothing")
                .isEqualTo(OBJECTION_UPHELD);
    }

    @Test
    void aLateDecisionKeepsTheObjectionItsNoticeMet() {
        Application objected = apply(submitted(UNDER_REVIEW), raised("OBJ-1"));

        assertThat(objected.status()).isEqualTo(UNDER_OBJECTION);
        Application decided = apply(objected, noticeStarted(), decidedWithNotice());
        assertThat(decided.status()).isEqualTo(UNDER_OBJECTION);
        assertThat(decided.publicNotice().until()).isEqualTo(UNTIL);
    }

    @Test
    void anObjectionWhoseSettlementArrivedFirstDoesNotHoldTheNoticeAgain() {
        Application dismissedFirst = apply(noticed(), settled("OBJ-1", false, "不成立"));

        Application raisedLate = apply(dismissedFirst, raised("OBJ-1"));

        assertThat(raisedLate.status()).isEqualTo(IN_PUBLIC_NOTICE);
        assertThat(raisedLate.publicNotice().objections()).singleElement()
                .satisfies(objection -> assertThat(objection.raisedAt()).isNotNull())
                .satisfies(objection -> assertThat(objection.open()).isFalse());
    }

    @Test
    void aRevokedOrExpiredQualificationIsFinalForItsApplication() {
        Application inEffect = apply(noticed(), granted(LocalDate.of(2027, 12, 17)));

        Application revoked = apply(inEffect, revoked());
        Application expired = apply(inEffect, expired());

        assertThat(revoked.status()).isEqualTo(QUALIFICATION_REVOKED);
        assertThat(revoked.qualification().revocationReason()).isEqualTo("事后审核：诊断证明未加盖医院公章");
        assertThat(revoked.qualification().validFrom()).as("the grant is kept").isEqualTo(LocalDate.of(2026, 12, 18));
        assertThat(expired.status()).isEqualTo(QUALIFICATION_EXPIRED);
        assertThat(expired.timeline().getLast().note()).isEqualTo("待遇资格已于2027年12月17日到期");
        assertThat(apply(revoked, expired(), granted(null), raised("OBJ-9"), decidedWithNotice()).status())
                .isEqualTo(QUALIFICATION_REVOKED);
        assertThat(apply(expired, revoked(), granted(null)).status()).isEqualTo(QUALIFICATION_EXPIRED);
    }

    @Test
    void aRevocationArrivingBeforeItsGrantStaysAndTheGrantFillsInTheDates() {
        Application revokedFirst = apply(noticed(), revoked());

        Application grantedLate = apply(revokedFirst, granted(null));

        assertThat(grantedLate.status()).isEqualTo(QUALIFICATION_REVOKED);
        assertThat(grantedLate.qualification().validFrom()).isEqualTo(LocalDate.of(2026, 12, 18));
        assertThat(grantedLate.qualification().revocationReason()).isEqualTo("事后审核：诊断证明未加盖医院公章");
    }

    @Test
    void aDecisionStandsOverAWithdrawalItCrossedAndALateSupplementRequestDoesNotReopenIt() {
        Application withdrawnThenApproved = apply(submitted(WITHDRAWN), decidedWithNotice());
        Application noticed = noticed();
        Change lateRequest = ReviewChanges.supplementRequested(new SupplementRequested(UUID.randomUUID(), 1,
                DECIDED, NUMBER, "620900", "高血压", 1, List.of(new SupplementItem("ID_CARD", "身份证", "模糊")),
                "expert-1", DECIDED.minusSeconds(60), DECIDED.plusSeconds(86_400), RECIPIENT));

        assertThat(withdrawnThenApproved.status()).isEqualTo(IN_PUBLIC_NOTICE);
        assertThat(lateRequest.applies().test(noticed)).isFalse();
        assertThat(apply(noticed, lateRequest).status()).isEqualTo(IN_PUBLIC_NOTICE);
    }

    // -- events, as review writes them

    private static Change decidedWithNotice() {
        return ReviewChanges.decided(decidedWithNoticeEvent());
    }

    private static ApplicationDecided decidedWithNoticeEvent() {
        return new ApplicationDecided(UUID.randomUUID(), 2, DECIDED, NUMBER, "620900", "M03900", "高血压",
                DecisionOutcome.APPROVED, List.of(), "expert-1", DECIDED, RECIPIENT, List.of(), null, UNTIL);
    }

    private static Change noticeStarted() {
        return AftermathChanges.noticeStarted(new PublicNoticeStarted(UUID.randomUUID(), 1, DECIDED, NUMBER, "620900",
                "高血压", FROM, UNTIL, RECIPIENT));
    }

    private static Change raised(String objectionId) {
        return AftermathChanges.objectionRaised(new ObjectionRaised(UUID.randomUUID(), 1, DECIDED.plusSeconds(3_600),
                NUMBER, objectionId, "620900", "高血压", RECIPIENT));
    }

    private static Change settled(String objectionId, boolean upheld, String reason) {
        return AftermathChanges.objectionSettled(new ObjectionSettled(UUID.randomUUID(), 1, DECIDED.plusSeconds(7_200),
                NUMBER, objectionId, "620900", "高血压", upheld, reason, RECIPIENT));
    }

    private static Change granted(LocalDate validTo) {
        return AftermathChanges.granted(new QualificationGranted(UUID.randomUUID(), 1, DECIDED.plusSeconds(86_400 * 8),
                NUMBER, "Q-" + NUMBER, "620900", "M03900", "高血压", QualificationGranted.Grant.REVIEW, null,
                LocalDate.of(2026, 12, 18), validTo, null, RECIPIENT));
    }

    private static Change revoked() {
        return AftermathChanges.revoked(new QualificationRevoked(UUID.randomUUID(), 1, DECIDED.plusSeconds(86_400 * 9),
                NUMBER, "Q-" + NUMBER, "620900", "高血压", "事后审核：诊断证明未加盖医院公章", "reviewer-620900",
                RECIPIENT));
    }

    private static Change expired() {
        return AftermathChanges.expired(new QualificationExpired(UUID.randomUUID(), 1, DECIDED.plusSeconds(86_400 * 400),
                NUMBER, "Q-" + NUMBER, "620900", "高血压", LocalDate.of(2027, 12, 17), RECIPIENT));
    }

    // -- applications, and the changes applied as ApplicationProgress writes them

    private static Application noticed() {
        return apply(submitted(UNDER_REVIEW), decidedWithNotice(), noticeStarted());
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
