package org.mtb.notification.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mtb.contracts.SealedField;
import org.mtb.contracts.intake.ApplicationWithdrawn;
import org.mtb.contracts.intake.Submitter;
import org.mtb.contracts.review.Recipient;
import org.mtb.contracts.review.SupplementItem;
import org.mtb.contracts.review.SupplementLapsed;
import org.mtb.contracts.review.SupplementRequested;
import org.mtb.support.crypto.FieldCipher;
import org.mtb.support.security.SignedInRequests;
import org.mtb.support.testing.TestClock;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * A supplement request, its lapse and a withdrawal, each told in one in-app message and one SMS, through the check
 * the bindings apply and the store; a redelivered event writes and sends nothing again.
 */
class SupplementAndWithdrawalMessagesTests {

    /** The contracts' golden fixtures, which pin what review and intake send. */
    private static final Path FIXTURES = Path.of("../contracts/src/test/resources/events");
    private static final String PHONE = "13800138000";
    /** 11:00 on 24 December in China Standard Time. */
    private static final Instant DUE = Instant.parse("2026-12-24T03:00:00Z");

    private final RecordingNotifier recording = new RecordingNotifier("2026-11-30T02:00:00Z");
    private final TestClock clock = recording.clock;
    private final MongoTemplate mongo = recording.mongo;
    private final SimpleMeterRegistry meters = recording.meters;
    private final List<String> sent = recording.sent;
    private final List<String> phones = recording.phones;
    private final FieldCipher cipher = recording.cipher;
    private final Messages messages = recording.messages;
    private final Notifier notifier = recording.notifier;

    @Test
    void tellsEveryItemInTheAppAndHowManyAndByWhenBySms() {
        String number = "659006-20261130-200001";

        notifier.supplementRequestedAll(List.of(EventChecks.checked(requested(number))));

        List<ApplicantMessage> stored = stored(number);
        assertThat(stored).extracting(ApplicantMessage::eventType).containsOnly(EventType.SUPPLEMENT_REQUESTED);
        assertThat(inApp(stored).body()).contains("第2次补正，需补正的材料共2项：\n"
                + "1. 疾病诊断证明：缺少医院公章\n2. 血压监测记录：未提供近三个月的监测记录\n请于2026年12月24日 11:00前");
        assertThat(sent).singleElement().asString().contains("需补正材料2项", "请于2026年12月24日 11:00前补正", number)
                .doesNotContain("缺少医院公章", PHONE, "张三");
        assertThat(phones).as("opened for the gateway only").containsExactly(PHONE);
        assertThat(mongo.getCollection(ApplicantMessage.COLLECTION).find().into(new ArrayList<>()).toString())
                .as("stored sealed").doesNotContain(PHONE, "张三");
    }

    @Test
    void writesAndSendsNothingAgainWhenASupplementRequestIsRedelivered() {
        String number = "659006-20261130-200002";
        SupplementRequested event = requested(number);
        notifier.supplementRequestedAll(List.of(EventChecks.checked(event)));

        notifier.supplementRequestedAll(List.of(EventChecks.checked(event)));

        assertThat(stored(number)).hasSize(2);
        assertThat(sent).hasSize(1);
        assertThat(meters.counter("notification.events.duplicates").count()).isEqualTo(1.0);
    }

    @Test
    void tellsALapseThatTheCaseClosedAndANewApplicationMayBeMade() {
        String number = "659006-20261130-200003";
        SupplementLapsed lapsed = new SupplementLapsed(UUID.randomUUID(), SupplementLapsed.SCHEMA_VERSION,
                clock.instant(), number, "659006", "血友病", 1, DUE, DUE.plusSeconds(5), recipient(number));

        notifier.supplementLapsedAll(List.of(EventChecks.checked(lapsed)));

        assertThat(inApp(stored(number)).body()).contains("补正期限已于2026年12月24日 11:00届满", "按逾期未补正办结",
                "可重新提出申请");
        assertThat(sent).singleElement().asString().contains(number, "补正期限已于2026年12月24日 11:00届满", "可重新提出申请");
    }

    @Test
    void tellsTheReasonOfAWithdrawalInTheAppOnly() {
        String number = "659006-20261130-200004";
        ApplicationWithdrawn withdrawn = new ApplicationWithdrawn(UUID.randomUUID(),
                ApplicationWithdrawn.SCHEMA_VERSION, clock.instant(), number, "659006", "血友病", "已在线下窗口办理",
                clock.instant(), new Submitter("applicant-zhang", "mtb-app", "APPLICANT"), recipient(number));

        notifier.withdrawnAll(List.of(EventChecks.checked(withdrawn)));

        assertThat(inApp(stored(number)).body()).contains("已按您的要求撤回", "撤回原因：已在线下窗口办理");
        assertThat(sent).singleElement().asString().contains(number, "已按您的要求撤回").doesNotContain("线下窗口");
    }

    @Test
    void refusesEventsThatCannotBeTold() {
        SupplementRequested ok = requested("659006-20261130-200005");

        assertThatIllegalArgumentException().isThrownBy(() -> EventChecks.checked(new SupplementRequested(ok.eventId(),
                1, ok.occurredAt(), null, "659006", "血友病", 1, ok.items(), "expert-1", ok.requestedAt(), DUE,
                ok.recipient()))).withMessageContaining("applicationNumber");
        assertThatIllegalArgumentException().isThrownBy(() -> EventChecks.checked(new SupplementRequested(ok.eventId(),
                1, ok.occurredAt(), ok.applicationNumber(), "659006", "血友病", 1, List.of(), "expert-1",
                ok.requestedAt(), DUE, ok.recipient()))).withMessageContaining("items");
        assertThatIllegalArgumentException().isThrownBy(() -> EventChecks.checked(new SupplementRequested(ok.eventId(),
                1, ok.occurredAt(), ok.applicationNumber(), "659006", "血友病", 1, ok.items(), "expert-1",
                ok.requestedAt(), null, ok.recipient()))).withMessageContaining("supplementDueAt");
        assertThatIllegalArgumentException().isThrownBy(() -> EventChecks.checked(new SupplementLapsed(
                UUID.randomUUID(), 1, clock.instant(), null, "659006", "血友病", 1, DUE, DUE, ok.recipient())))
                .withMessageContaining("applicationNumber");
        assertThatIllegalArgumentException().isThrownBy(() -> EventChecks.checked(new ApplicationWithdrawn(
                UUID.randomUUID(), 1, clock.instant(), null, "659006", "血友病", "不再需要", clock.instant(), null,
                ok.recipient()))).withMessageContaining("applicationNumber");
        assertThatIllegalArgumentException().isThrownBy(() -> EventChecks.checked((SupplementRequested) null));
    }

    @Test
    void tellsTheContractsGoldenFixtures() throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        String number = "620900-20261123-000001";

        notifier.supplementRequestedAll(List.of(EventChecks.checked(json.readValue(
                Files.readString(FIXTURES.resolve("supplement-requested.v1.json")), SupplementRequested.class))));
        notifier.supplementLapsedAll(List.of(EventChecks.checked(json.readValue(
                Files.readString(FIXTURES.resolve("supplement-lapsed.v1.json")), SupplementLapsed.class))));
        notifier.withdrawnAll(List.of(EventChecks.checked(json.readValue(
                Files.readString(FIXTURES.resolve("application-withdrawn.v1.json")), ApplicationWithdrawn.class))));

        assertThat(stored(number)).extracting(ApplicantMessage::eventType, ApplicantMessage::channel)
                .containsExactlyInAnyOrder(
                        tuple(EventType.SUPPLEMENT_REQUESTED, DeliveryChannel.IN_APP),
                        tuple(EventType.SUPPLEMENT_REQUESTED, DeliveryChannel.SMS),
                        tuple(EventType.SUPPLEMENT_LAPSED, DeliveryChannel.IN_APP),
                        tuple(EventType.SUPPLEMENT_LAPSED, DeliveryChannel.SMS),
                        tuple(EventType.APPLICATION_WITHDRAWN, DeliveryChannel.IN_APP),
                        tuple(EventType.APPLICATION_WITHDRAWN, DeliveryChannel.SMS));
        assertThat(stored(number)).filteredOn(m -> m.eventType() == EventType.SUPPLEMENT_REQUESTED
                && m.channel() == DeliveryChannel.IN_APP).singleElement().satisfies(m -> assertThat(m.body())
                        .startsWith("张*您好，您申请的门诊慢特病（高血压病）")
                        .contains("1. 疾病诊断证明（二级及以上医院出具，加盖公章或电子签章）：缺少医院公章\n"
                                + "2. 血压监测记录：未提供近三个月的监测记录\n请于2026年12月24日 11:00前"));
        assertThat(sent).containsExactly(
                "【医保服务】张*您好，您申请的门诊慢特病（高血压病）需补正材料2项，受理编号620900-20261123-000001，"
                        + "请于2026年12月24日 11:00前补正。需补正的材料及原因请查看医保APP消息。",
                "【医保服务】张*您好，您申请的门诊慢特病（高血压病）补正期限已于2026年12月24日 11:00届满，因未补正材料，"
                        + "本次申请已办结，受理编号620900-20261123-000001。如仍需办理，可重新提出申请。",
                "【医保服务】张*您好，您申请的门诊慢特病（高血压病）已按您的要求撤回，受理编号620900-20261123-000001。"
                        + "如仍需办理，可重新提出申请。");
        assertThat(phones).as("the fixture's phone, sealed with the test key ring").containsOnly(PHONE);
    }

    private List<ApplicantMessage> stored(String number) {
        return messages.forApplication(SignedInRequests.everyRoleCaller(), number, Optional.empty());
    }

    private static ApplicantMessage inApp(List<ApplicantMessage> stored) {
        return stored.stream().filter(m -> m.channel() == DeliveryChannel.IN_APP).findFirst().orElseThrow();
    }

    /** As review sends it: the phone sealed as intake sealed it, the name masked. */
    private Recipient recipient(String number) {
        return new Recipient(null, cipher.seal(PHONE, SealedField.PHONE.context(number)), "张*", "138****8000");
    }

    private SupplementRequested requested(String number) {
        return new SupplementRequested(UUID.randomUUID(), SupplementRequested.SCHEMA_VERSION, clock.instant(), number,
                "659006", "血友病", 2, List.of(new SupplementItem("DIAGNOSIS_CERTIFICATE", "疾病诊断证明", "缺少医院公章"),
                        new SupplementItem("BLOOD_PRESSURE_RECORD", "血压监测记录", "未提供近三个月的监测记录")),
                "expert-1", clock.instant(), DUE, recipient(number));
    }
}
