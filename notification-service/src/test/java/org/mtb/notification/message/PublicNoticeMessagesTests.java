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
import org.mtb.contracts.review.ApplicationDecided;
import org.mtb.contracts.review.DecisionOutcome;
import org.mtb.contracts.review.ObjectionSettled;

/**
 * An approval told with the day its benefit starts or the public notice (公示) it entered, the notice itself, and the
 * objections to it: each in one in-app message and one SMS, as review sends them (the contracts' golden fixtures); a
 * redelivered event writes and sends nothing again.
 */
class PublicNoticeMessagesTests {

    private final RecordingNotifier recording = new RecordingNotifier();

    @Test
    void tellsAnApprovalUnderPublicNoticeAndTheNoticesDays() {
        recording.tell("application-decided.v2-approved-noticed.json");
        recording.tell("public-notice-started.v1.json");

        assertThat(recording.inApp(EventType.APPLICATION_APPROVED).body()).contains("已审核通过",
                "现予公示，公示期至2026年12月17日，公示期满无异议的，待遇按规定生效");
        assertThat(recording.inApp(EventType.PUBLIC_NOTICE_STARTED)).satisfies(message -> {
            assertThat(message.title()).isEqualTo("门诊慢特病申请进入公示期");
            assertThat(message.body()).contains("公示期为2026年12月11日至2026年12月17日", "异议经核实不成立的，待遇资格按规定生效");
        });
        assertThat(recording.sent).containsExactly(
                "【医保服务】张*您好，您申请的门诊慢特病（高血压病）已审核通过，现予公示，公示期至2026年12月17日，公示期满无异议的，"
                        + "待遇按规定生效。受理编号" + NUMBER + "。",
                "【医保服务】张*您好，您申请的门诊慢特病（高血压病）已审核通过，现予公示，公示期为2026年12月11日至2026年12月17日，"
                        + "期满无异议的待遇按规定生效。受理编号" + NUMBER + "。");
    }

    @Test
    void tellsAnApprovalTheDayItsBenefitStarts() {
        ApplicationDecided approved = new ApplicationDecided(UUID.randomUUID(), ApplicationDecided.SCHEMA_VERSION,
                recording.clock.instant(), NUMBER, "620900", "M03900", "高血压病", DecisionOutcome.APPROVED, List.of(),
                "reviewer-620900", recording.clock.instant(), recording.recipient(), List.of(),
                LocalDate.of(2026, 12, 11), null);

        recording.notifier.decidedAll(List.of(EventChecks.checked(approved)));

        assertThat(recording.inApp(EventType.APPLICATION_APPROVED).body()).contains("已审核通过",
                "待遇自2026年12月11日起生效");
        assertThat(recording.sent).singleElement().asString().contains("已审核通过，待遇自2026年12月11日起生效。", NUMBER);
    }

    @Test
    void tellsOnlyThatThereIsAnObjectionAndNeverWhoOrWhat() {
        recording.tell("objection-raised.v1.json");

        assertThat(recording.inApp(EventType.OBJECTION_RAISED).body()).contains("在公示期间收到异议", "正在依规核实", NUMBER)
                .doesNotContain("OBJ-");
        assertThat(recording.sent).singleElement().asString()
                .contains("在公示期间收到异议，正在核实，核实结果将另行通知", NUMBER).doesNotContain("OBJ-");
    }

    @Test
    void tellsAnUpheldObjectionWithItsReasonAndADismissedOneWithout() {
        recording.tell("objection-settled.v1.json");
        ObjectionSettled dismissed = new ObjectionSettled(UUID.randomUUID(), ObjectionSettled.SCHEMA_VERSION,
                recording.clock.instant(), NUMBER, "OBJ-620900-20261123-000001-2", "620900", "高血压病", false,
                "异议人所述情况与事实不符", recording.recipient());

        recording.notifier.objectionSettledAll(List.of(EventChecks.checked(dismissed)));

        assertThat(recording.inApp(EventType.OBJECTION_UPHELD)).satisfies(message -> {
            assertThat(message.title()).isEqualTo("门诊慢特病审核通过决定已撤销");
            assertThat(message.body()).contains("异议经核实成立，原审核通过决定予以撤销", "原因：经核实,申请人病历资料与实际病情不符。");
        });
        assertThat(recording.inApp(EventType.OBJECTION_DISMISSED).body()).contains("异议经核实不成立，公示继续进行")
                .doesNotContain("异议人所述");
        assertThat(recording.sent).hasSize(2).first().asString()
                .contains("原审核通过决定已撤销", "原因：经核实,申请人病历资料与实际病情不符", NUMBER);
        assertThat(recording.sent.getLast()).contains("公示继续进行，期满无其他异议的待遇按规定生效", NUMBER)
                .doesNotContain("异议人所述");
    }

    @ParameterizedTest
    @ValueSource(strings = {"public-notice-started.v1.json", "objection-raised.v1.json", "objection-settled.v1.json"})
    void tellsEachEventOnceInTheAppAndOnceBySmsWithoutPersonalDataInClear(String fixture) {
        recording.tell(fixture);

        recording.tell(fixture);

        assertThat(recording.stored()).extracting(ApplicantMessage::channel, ApplicantMessage::status).containsExactly(
                tuple(DeliveryChannel.IN_APP, MessageStatus.SENT), tuple(DeliveryChannel.SMS, MessageStatus.SENT));
        assertThat(recording.sent).singleElement().asString().startsWith("【医保服务】张*您好，")
                .contains(NUMBER, "（高血压病）").doesNotContainPattern("\\d{11}");
        assertThat(recording.phones).as("the fixture's phone, opened for the gateway only").containsExactly(PHONE);
        assertThat(recording.meters.counter("notification.events.duplicates").count()).isEqualTo(1.0);
        assertThat(recording.everythingStored()).as("stored sealed").doesNotContain(PHONE);
    }
}
