package org.mtb.notification.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mtb.notification.message.RecordingNotifier.NUMBER;
import static org.mtb.notification.message.RecordingNotifier.PHONE;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mtb.contracts.review.QualificationGranted;
import org.mtb.contracts.review.QualificationRevoked;

/**
 * A qualification (门诊慢特病待遇资格) from its grant to its end: granted, revoked, its re-check (资格复核) due, expired;
 * each in one in-app message and one SMS, as review sends them (the contracts' golden fixtures), and one SMS more to
 * the agent (代办人) who applied; a redelivered event writes and sends nothing again.
 */
class QualificationMessagesTests {

    private static final String QUALIFICATION = "Q-" + NUMBER;
    private static final String ID_NUMBER = "11010519491231002X";

    private final RecordingNotifier recording = new RecordingNotifier();

    @Test
    void tellsAGrantedQualificationItsNumberFirstDayAndEnd() {
        recording.tell("qualification-granted.v1.json");

        assertThat(recording.inApp(EventType.QUALIFICATION_GRANTED)).satisfies(message -> {
            assertThat(message.title()).isEqualTo("门诊慢特病待遇资格已认定");
            assertThat(message.body()).contains("资格编号" + QUALIFICATION, "自2026年12月18日起可按规定享受门诊慢特病待遇",
                    "有效期至2027年12月17日").doesNotContain("即时备案");
        });
        assertThat(recording.sent).containsExactly("【医保服务】张*您好，您申请的门诊慢特病（高血压病）待遇资格已认定，"
                + "自2026年12月18日起享受待遇，有效期至2027年12月17日，资格编号" + QUALIFICATION + "。");
    }

    @Test
    void aGrantItsDecisionAlreadyAnnouncedIsToldInTheAppWithoutASecondSms() {
        QualificationGranted withDecision = new QualificationGranted(UUID.randomUUID(),
                QualificationGranted.SCHEMA_VERSION, recording.clock.instant(), NUMBER, QUALIFICATION, "620900",
                "M03900", "高血压病", QualificationGranted.Grant.REVIEW, null, LocalDate.of(2026, 12, 10), null, null,
                recording.recipient(), true);

        recording.notifier.qualificationGrantedAll(List.of(EventChecks.checked(withDecision)));

        assertThat(recording.inApp(EventType.QUALIFICATION_GRANTED).body()).contains(QUALIFICATION, "自2026年12月10日起");
        assertThat(recording.sent).as("the decision's SMS said it").isEmpty();
    }

    @Test
    void tellsALongTermQualificationFiledAtOnceThatAPostCheckMayRevokeIt() {
        QualificationGranted filed = new QualificationGranted(UUID.randomUUID(), QualificationGranted.SCHEMA_VERSION,
                recording.clock.instant(), NUMBER, QUALIFICATION, "620900", "M03900", "高血压病",
                QualificationGranted.Grant.INSTANT_FILING, "620900-2026.1", LocalDate.of(2026, 12, 10), null, null,
                recording.recipient());

        recording.notifier.qualificationGrantedAll(List.of(EventChecks.checked(filed)));

        assertThat(recording.inApp(EventType.QUALIFICATION_GRANTED).body()).contains("自2026年12月10日起", "长期有效",
                "即时备案", "事后审核").doesNotContain("620900-2026.1");
        assertThat(recording.sent).singleElement().asString().contains("自2026年12月10日起享受待遇，长期有效");
    }

    @Test
    void tellsARevocationWithItsReasonMaskingPersonalDataAReviewerQuoted() {
        QualificationRevoked revoked = new QualificationRevoked(UUID.randomUUID(), QualificationRevoked.SCHEMA_VERSION,
                recording.clock.instant(), NUMBER, QUALIFICATION, "620900", "高血压病",
                "事后审核：身份证" + ID_NUMBER + "与参保信息不一致，请联系" + PHONE, "reviewer-620900", recording.recipient());

        recording.notifier.qualificationRevokedAll(List.of(EventChecks.checked(revoked)));

        assertThat(recording.inApp(EventType.QUALIFICATION_REVOKED).body()).contains("待遇资格已被撤销",
                "资格编号" + QUALIFICATION, "1101**********002X", "138****8000")
                .doesNotContain(ID_NUMBER, PHONE, "reviewer-620900");
        assertThat(recording.sent).singleElement().asString()
                .contains("待遇资格已被撤销", "原因：事后审核：身份证1101**********002X")
                .doesNotContain(ID_NUMBER, PHONE, "reviewer-620900");
        assertThat(recording.phones).as("opened for the gateway only").containsExactly(PHONE);
    }

    @Test
    void remindsOfTheReCheckAndTellsTheExpiryWithTheLastDay() {
        recording.tell("recheck-due.v1.json");
        recording.tell("qualification-expired.v1.json");

        assertThat(recording.inApp(EventType.RECHECK_DUE).body())
                .contains("有效期至2027年12月17日，请在有效期届满前按规定办理资格复核");
        assertThat(recording.inApp(EventType.QUALIFICATION_EXPIRED).body()).contains("有效期已于2027年12月17日届满",
                "因未办理资格复核，该资格已终止", "可重新提出申请");
        assertThat(recording.sent).containsExactly(
                "【医保服务】张*您好，您的门诊慢特病（高血压病）待遇资格有效期至2027年12月17日，请在到期前办理资格复核，"
                        + "逾期未复核的资格到期终止。资格编号" + QUALIFICATION + "。",
                "【医保服务】张*您好，您的门诊慢特病（高血压病）待遇资格已于2027年12月17日到期终止，资格编号" + QUALIFICATION
                        + "。如仍需享受相应待遇，可重新提出申请。");
    }

    @Test
    void tellsTheAgentWhoAppliedBySmsToo() {
        String agentPhone = "13912345678";
        recording.submittedByAgent(agentPhone);

        recording.tell("qualification-granted.v1.json");

        assertThat(recording.stored()).filteredOn(m -> m.eventType() == EventType.QUALIFICATION_GRANTED)
                .extracting(ApplicantMessage::channel, ApplicantMessage::toAgent).containsExactly(
                        tuple(DeliveryChannel.IN_APP, false), tuple(DeliveryChannel.SMS, false),
                        tuple(DeliveryChannel.SMS, true));
        assertThat(recording.sent.getLast()).isEqualTo("【医保服务】李*您好，您为张*代办的门诊慢特病（高血压病）申请已认定待遇资格，"
                + "自2026年12月18日起享受待遇，有效期至2027年12月17日，资格编号" + QUALIFICATION + "。");
        assertThat(recording.phones).containsExactly(PHONE, agentPhone);
    }

    @ParameterizedTest
    @ValueSource(strings = {"qualification-granted.v1.json", "qualification-revoked.v1.json", "recheck-due.v1.json",
            "qualification-expired.v1.json"})
    void tellsEachEventOnceInTheAppAndOnceBySmsWithoutPersonalDataInClear(String fixture) {
        recording.tell(fixture);

        recording.tell(fixture);

        assertThat(recording.stored()).extracting(ApplicantMessage::channel, ApplicantMessage::status).containsExactly(
                tuple(DeliveryChannel.IN_APP, MessageStatus.SENT), tuple(DeliveryChannel.SMS, MessageStatus.SENT));
        assertThat(recording.sent).singleElement().asString().startsWith("【医保服务】张*您好，")
                .contains("资格编号" + QUALIFICATION, "（高血压病）").doesNotContainPattern("\\d{11}");
        assertThat(recording.phones).as("the fixture's phone, opened for the gateway only").containsExactly(PHONE);
        assertThat(recording.meters.counter("notification.events.duplicates").count()).isEqualTo(1.0);
        assertThat(recording.everythingStored()).as("stored sealed").doesNotContain(PHONE);
    }
}
