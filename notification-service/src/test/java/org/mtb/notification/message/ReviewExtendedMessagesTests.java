package org.mtb.notification.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mtb.notification.message.RecordingNotifier.NUMBER;
import static org.mtb.notification.message.RecordingNotifier.PHONE;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mtb.contracts.review.ReviewExtended;

/**
 * A review deadline extended in special circumstances (遇特殊情况可延长), told in one in-app message with the new
 * deadline and the reason and in one short SMS, as review sends it (the contracts' golden fixture), and one SMS more to
 * the agent (代办人) who applied; a redelivered event writes and sends nothing again.
 */
class ReviewExtendedMessagesTests {

    private static final String FIXTURE = "review-extended.v1.json";
    private static final String ID_NUMBER = "11010519491231002X";

    private final RecordingNotifier recording = new RecordingNotifier();

    @Test
    void tellsTheNewDeadlineInChinaStandardTimeAndTheReasonInTheAppOnly() {
        recording.tell(FIXTURE);

        assertThat(recording.inApp(EventType.REVIEW_EXTENDED)).satisfies(message -> {
            assertThat(message.title()).isEqualTo("门诊慢特病申请审核期限已延长");
            assertThat(message.body()).contains("因遇特殊情况，经批准审核期限延长至2027年1月5日 17:30，受理编号" + NUMBER,
                    "延长原因：需调取外院病历核实诊断。").doesNotContain("2026年12月21日");
        });
        assertThat(recording.sent).containsExactly("【医保服务】张*您好，您申请的门诊慢特病（冠状动脉粥样硬化性心脏病）"
                + "审核期限已延长至2027年1月5日 17:30，受理编号" + NUMBER + "。延长原因请查看医保APP消息。");
    }

    @Test
    void masksPersonalDataAReviewerQuotedInTheReasonAndSendsNoneOfItBySms() {
        ReviewExtended extended = new ReviewExtended(UUID.randomUUID(), ReviewExtended.SCHEMA_VERSION,
                recording.clock.instant(), NUMBER, "620900", "高血压病", 2, Instant.parse("2027-01-05T09:30:00Z"),
                Instant.parse("2027-01-19T09:30:00Z"), "身份证" + ID_NUMBER + "的外院病历尚未调回，已致电" + PHONE + "告知",
                recording.recipient());

        recording.notifier.reviewExtendedAll(List.of(EventChecks.checked(extended)));

        assertThat(recording.inApp(EventType.REVIEW_EXTENDED).body()).contains("审核期限延长至2027年1月19日 17:30",
                "延长原因：身份证1101**********002X的外院病历尚未调回，已致电138****8000告知。")
                .doesNotContain(ID_NUMBER, PHONE);
        assertThat(recording.sent).singleElement().asString().contains("审核期限已延长至2027年1月19日 17:30")
                .doesNotContain(ID_NUMBER, PHONE, "1101**", "外院病历");
        assertThat(recording.phones).as("opened for the gateway only").containsExactly(PHONE);
    }

    @Test
    void tellsTheAgentWhoAppliedBySmsToo() {
        String agentPhone = "13912345678";
        recording.submittedByAgent(agentPhone);

        recording.tell(FIXTURE);

        assertThat(recording.stored()).filteredOn(m -> m.eventType() == EventType.REVIEW_EXTENDED)
                .extracting(ApplicantMessage::channel, ApplicantMessage::toAgent).containsExactly(
                        tuple(DeliveryChannel.IN_APP, false), tuple(DeliveryChannel.SMS, false),
                        tuple(DeliveryChannel.SMS, true));
        assertThat(recording.sent.getLast()).isEqualTo("【医保服务】李*您好，您为张*代办的门诊慢特病（冠状动脉粥样硬化性心脏病）"
                + "申请审核期限已延长至2027年1月5日 17:30，受理编号" + NUMBER + "。延长原因请查看医保APP消息。");
        assertThat(recording.phones).containsExactly(PHONE, agentPhone);
        assertThat(recording.everythingStored()).as("stored sealed").doesNotContain(PHONE, agentPhone, "李四");
    }

    @Test
    void tellsTheExtensionOnceInTheAppAndOnceBySmsWithoutPersonalDataInClear() {
        recording.tell(FIXTURE);

        recording.tell(FIXTURE);

        assertThat(recording.stored()).extracting(ApplicantMessage::eventType, ApplicantMessage::channel,
                ApplicantMessage::status).containsExactly(
                        tuple(EventType.REVIEW_EXTENDED, DeliveryChannel.IN_APP, MessageStatus.SENT),
                        tuple(EventType.REVIEW_EXTENDED, DeliveryChannel.SMS, MessageStatus.SENT));
        assertThat(recording.sent).singleElement().asString().startsWith("【医保服务】张*您好，")
                .contains(NUMBER, "2027年1月5日 17:30").doesNotContainPattern("\\d{11}");
        assertThat(recording.phones).as("the fixture's phone, opened for the gateway only").containsExactly(PHONE);
        assertThat(recording.meters.counter("notification.events.duplicates").count()).isEqualTo(1.0);
        assertThat(recording.everythingStored()).as("stored sealed").doesNotContain(PHONE);
    }
}
