package org.mtb.notification.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.mtb.contracts.Channel;
import org.mtb.contracts.DiseaseCategory;
import org.mtb.contracts.InsuranceType;
import org.mtb.contracts.SealedField;
import org.mtb.contracts.intake.Agent;
import org.mtb.contracts.intake.Applicant;
import org.mtb.contracts.intake.ApplicationKind;
import org.mtb.contracts.intake.ApplicationSubmitted;
import org.mtb.contracts.intake.ApplicationWithdrawn;
import org.mtb.contracts.intake.Hospital;
import org.mtb.contracts.intake.Submitter;
import org.mtb.contracts.review.ApplicationDecided;
import org.mtb.contracts.review.DecisionOutcome;
import org.mtb.contracts.review.Recipient;
import org.mtb.contracts.review.SupplementItem;
import org.mtb.contracts.review.SupplementLapsed;
import org.mtb.contracts.review.SupplementRequested;
import org.mtb.support.crypto.BlindIndex;
import org.mtb.support.crypto.FieldCipher;
import org.mtb.support.security.Caller;
import org.mtb.support.security.Role;
import org.mtb.support.security.SignedInRequests;
import org.mtb.support.testing.TestClock;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The agent (代办人) who applied for the insured person is told every status change by one SMS of its own, beside the
 * applicant's in-app message and SMS: to the agent's phone, opened only for the gateway; read by those who read the
 * application's other messages; written and sent once whatever is redelivered.
 */
class AgentMessagesTests {

    private static final String PHONE = "13800138000";
    private static final String NAME = "张三";
    private static final String ID_NUMBER = "11010519491231002X";
    private static final String AGENT_PHONE = "13912345678";
    private static final String AGENT_NAME = "李四";
    private static final String AGENT_ID_NUMBER = "110105198001011234";
    private static final Instant DUE = Instant.parse("2026-12-24T03:00:00Z");
    /** The agent applied with an account of their own. */
    private static final Submitter AGENTS_ACCOUNT = new Submitter("agent-li", "mtb-app", "APPLICANT");

    private final RecordingNotifier recording = new RecordingNotifier("2026-11-30T02:00:00Z");
    private final TestClock clock = recording.clock;
    private final MongoTemplate mongo = recording.mongo;
    private final SimpleMeterRegistry meters = recording.meters;
    private final List<String> sent = recording.sent;
    private final List<String> phones = recording.phones;
    private final FieldCipher cipher = recording.cipher;
    private final BlindIndex blindIndex = recording.blindIndex;
    private final Messages messages = recording.messages;
    private final Notifier notifier = recording.notifier;

    @Test
    void tellsTheAgentOfASubmissionBySmsBesideTheApplicantsTwoMessages() {
        String number = "659006-20261130-300001";

        notifier.submittedAll(List.of(EventChecks.checked(submitted(number, agent(number)))));

        assertThat(stored(number)).extracting(ApplicantMessage::channel, ApplicantMessage::toAgent,
                ApplicantMessage::maskedPhone, ApplicantMessage::status).containsExactly(
                        tuple(DeliveryChannel.IN_APP, false, "138****8000", MessageStatus.SENT),
                        tuple(DeliveryChannel.SMS, false, "138****8000", MessageStatus.SENT),
                        tuple(DeliveryChannel.SMS, true, "139****5678", MessageStatus.SENT));
        assertThat(sent).containsExactly(
                "【医保服务】张*您好，您申请的门诊慢特病（血友病）已受理，受理编号" + number + "，审核结果将以短信和消息通知。",
                "【医保服务】李*您好，您为张*代办的门诊慢特病（血友病）申请已受理，受理编号" + number + "，审核结果将以短信通知。");
        assertThat(phones).as("opened for the gateway only").containsExactly(PHONE, AGENT_PHONE);
        assertThat(everythingStored()).as("stored sealed")
                .doesNotContain(PHONE, NAME, ID_NUMBER, AGENT_PHONE, AGENT_NAME, AGENT_ID_NUMBER);
        Document agent = mongo.findById(number, Document.class, Messages.BY_APPLICATION).get("agent", Document.class);
        assertThat(agent.getString("maskedName")).isEqualTo("李*");
        assertThat(agent.getString("relationship")).isEqualTo("CHILD");
        assertThat(cipher.open(agent.getString("phone"), SealedField.AGENT_PHONE.context(number)))
                .as("the phone kept as intake sealed it").isEqualTo(AGENT_PHONE);
    }

    @Test
    void tellsTheAgentEveryLaterStatusChangeAtTheAgentsPhone() {
        String number = "659006-20261130-300002";
        notifier.submittedAll(List.of(EventChecks.checked(submitted(number, agent(number)))));
        sent.clear();
        phones.clear();

        notifier.decidedAll(List.of(EventChecks.checked(decided(number, DecisionOutcome.APPROVED))));

        List<ApplicantMessage> decision = stored(number).stream()
                .filter(m -> m.eventType() == EventType.APPLICATION_APPROVED).toList();
        assertThat(decision).extracting(ApplicantMessage::channel, ApplicantMessage::toAgent,
                ApplicantMessage::maskedPhone).as("each phone shown masked as review's event and the file give it")
                .containsExactly(tuple(DeliveryChannel.IN_APP, false, "138****8000"),
                        tuple(DeliveryChannel.SMS, false, "138****8000"), tuple(DeliveryChannel.SMS, true, "139****5678"));
        ApplicantMessage agentSms = decision.getLast();
        assertThat(agentSms.recipientPhone()).isNull();
        assertThat(cipher.open(agentSms.agentPhone(), SealedField.AGENT_PHONE.context(number)))
                .as("stored sealed in the agent's context").isEqualTo(AGENT_PHONE);
        assertThat(sent.getLast()).isEqualTo("【医保服务】李*您好，您为张*代办的门诊慢特病（血友病）申请已审核通过，待遇按规定生效。受理编号"
                + number + "。");
        assertThat(phones).as("opened for the gateway only").containsExactly(PHONE, AGENT_PHONE);
        assertThat(everythingStored()).doesNotContain(PHONE, AGENT_PHONE, AGENT_NAME);
    }

    @Test
    void tellsTheAgentOfSupplementRequestsLapsesAndWithdrawalsToo() {
        String number = "659006-20261130-300003";
        notifier.submittedAll(List.of(EventChecks.checked(submitted(number, agent(number)))));
        Instant now = clock.instant();

        notifier.supplementRequestedAll(List.of(EventChecks.checked(new SupplementRequested(UUID.randomUUID(),
                SupplementRequested.SCHEMA_VERSION, now, number, "659006", "血友病", 1,
                List.of(new SupplementItem("MEDICAL_RECORD", "门诊病历", "未提供近一年的病历")), "expert-1", now, DUE,
                recipient(number)))));
        notifier.supplementLapsedAll(List.of(EventChecks.checked(new SupplementLapsed(UUID.randomUUID(),
                SupplementLapsed.SCHEMA_VERSION, now, number, "659006", "血友病", 1, DUE, DUE, recipient(number)))));
        notifier.withdrawnAll(List.of(EventChecks.checked(new ApplicationWithdrawn(UUID.randomUUID(),
                ApplicationWithdrawn.SCHEMA_VERSION, now, number, "659006", "血友病", "已在线下窗口办理", now,
                AGENTS_ACCOUNT, recipient(number)))));

        assertThat(stored(number)).hasSize(12).filteredOn(ApplicantMessage::toAgent)
                .extracting(ApplicantMessage::eventType).containsExactlyInAnyOrder(EventType.APPLICATION_SUBMITTED,
                        EventType.SUPPLEMENT_REQUESTED, EventType.SUPPLEMENT_LAPSED, EventType.APPLICATION_WITHDRAWN);
        assertThat(sent).filteredOn(text -> text.startsWith("【医保服务】李*您好，您为张*代办的门诊慢特病（血友病）申请"))
                .hasSize(4).anySatisfy(text -> assertThat(text).contains("需补正材料1项", "请于2026年12月24日 11:00前补正"))
                .anySatisfy(text -> assertThat(text).contains("补正期限已于2026年12月24日 11:00届满"))
                .anySatisfy(text -> assertThat(text).contains("申请已撤回").doesNotContain("线下窗口"));
        assertThat(phones).filteredOn(AGENT_PHONE::equals).hasSize(4);
    }

    @Test
    void writesAndSendsNothingAgainWhenTheEventsOfAnAgentsApplicationAreRedelivered() {
        String number = "659006-20261130-300004";
        ApplicationSubmitted submission = EventChecks.checked(submitted(number, agent(number)));
        ApplicationDecided decision = EventChecks.checked(decided(number, DecisionOutcome.REJECTED));
        notifier.submittedAll(List.of(submission));
        notifier.decidedAll(List.of(decision));

        notifier.submittedAll(List.of(submission));
        notifier.decidedAll(List.of(decision));

        assertThat(stored(number)).hasSize(6);
        assertThat(sent).hasSize(4);
        assertThat(meters.counter("notification.events.duplicates").count()).isEqualTo(2.0);
    }

    @Test
    void tellsOnlyTheApplicantOfAnApplicationWithoutAnAgent() {
        String number = "659006-20261130-300005";

        notifier.submittedAll(List.of(EventChecks.checked(submitted(number, null))));
        notifier.decidedAll(List.of(EventChecks.checked(decided(number, DecisionOutcome.APPROVED))));

        assertThat(stored(number)).hasSize(4).noneMatch(ApplicantMessage::toAgent);
        assertThat(phones).containsOnly(PHONE);
        assertThat(mongo.findById(number, Document.class, Messages.BY_APPLICATION)).doesNotContainKey("agent");
    }

    @Test
    void tellsOnlyTheApplicantOfAnEventMetBeforeItsApplicationsSubmission() {
        String number = "659006-20261130-300006";

        notifier.decidedAll(List.of(EventChecks.checked(decided(number, DecisionOutcome.APPROVED))));
        notifier.submittedAll(List.of(EventChecks.checked(submitted(number, agent(number)))));

        assertThat(stored(number)).extracting(ApplicantMessage::eventType, ApplicantMessage::toAgent)
                .containsExactlyInAnyOrder(tuple(EventType.APPLICATION_APPROVED, false),
                        tuple(EventType.APPLICATION_APPROVED, false), tuple(EventType.APPLICATION_SUBMITTED, false),
                        tuple(EventType.APPLICATION_SUBMITTED, false), tuple(EventType.APPLICATION_SUBMITTED, true));
    }

    @Test
    void theAgentsSmsIsReadByThoseWhoReadTheApplicationsOtherMessages() {
        String number = "659006-20261130-300007";
        notifier.submittedAll(List.of(EventChecks.checked(submitted(number, agent(number)))));
        notifier.decidedAll(List.of(EventChecks.checked(decided(number, DecisionOutcome.APPROVED))));

        assertThat(messages.forApplication(applicant("agent-li", AGENT_ID_NUMBER), number, Optional.empty()))
                .as("the agent's account, which submitted it").hasSize(6);
        assertThat(messages.forApplication(applicant("applicant-zhang", ID_NUMBER), number,
                Optional.of(DeliveryChannel.SMS))).as("the insured person, by the blind index")
                .extracting(ApplicantMessage::toAgent).containsExactly(false, true, false, true);
        assertThat(messages.forApplication(applicant("applicant-wang", "620902198001011232"), number,
                Optional.empty())).as("someone else").isEmpty();
        assertThat(messages.forApplication(new Caller("hotline-620900", "hotline-620900", "mtb-cli",
                Set.of(Role.HOTLINE), List.of("620900"), null, null), number, Optional.empty()))
                .as("another region's staff").isEmpty();
    }

    private List<ApplicantMessage> stored(String number) {
        return messages.forApplication(SignedInRequests.everyRoleCaller(), number, Optional.empty());
    }

    private String everythingStored() {
        return mongo.getCollection(ApplicantMessage.COLLECTION).find().into(new ArrayList<>()).toString()
                + mongo.getCollection(Messages.BY_APPLICATION).find().into(new ArrayList<>());
    }

    private static Caller applicant(String account, String idNumber) {
        return new Caller(account, account, "mtb-app", Set.of(Role.APPLICANT), List.of("659006"), null, idNumber);
    }

    /** As intake sends it: sealed like the applicant, in the agent's own contexts, with the masked forms. */
    private Agent agent(String number) {
        return new Agent(cipher.seal(AGENT_ID_NUMBER, SealedField.AGENT_ID_NUMBER.context(number)),
                cipher.seal(AGENT_NAME, SealedField.AGENT_NAME.context(number)),
                cipher.seal(AGENT_PHONE, SealedField.AGENT_PHONE.context(number)), Agent.Relationship.CHILD,
                Applicant.Masked.of(AGENT_ID_NUMBER, AGENT_NAME, AGENT_PHONE));
    }

    private ApplicationSubmitted submitted(String number, @Nullable Agent agent) {
        Instant now = clock.instant();
        return new ApplicationSubmitted(UUID.randomUUID(), ApplicationSubmitted.SCHEMA_VERSION, now, number, "659006",
                "M01200", "血友病", DiseaseCategory.SPECIAL,
                new Applicant(cipher.seal(ID_NUMBER, SealedField.ID_NUMBER.context(number)),
                        cipher.seal(NAME, SealedField.NAME.context(number)),
                        cipher.seal(PHONE, SealedField.PHONE.context(number)), InsuranceType.RESIDENT,
                        blindIndex.ofIdNumber(ID_NUMBER), Applicant.Masked.of(ID_NUMBER, NAME, PHONE)),
                new Hospital("第二师医院", 3, null), cipher.seal("血友病A型，需长期替代治疗",
                        SealedField.CONDITION_SUMMARY.context(number)), Channel.APP, now, AGENTS_ACCOUNT, List.of(),
                ApplicationKind.NEW, null, agent);
    }

    private ApplicationDecided decided(String number, DecisionOutcome outcome) {
        return new ApplicationDecided(UUID.randomUUID(), ApplicationDecided.SCHEMA_VERSION, clock.instant(), number,
                "659006", "M01200", "血友病", outcome, outcome == DecisionOutcome.APPROVED ? List.of()
                        : List.of("诊断证明超过12个月"), "expert-1", clock.instant(), recipient(number));
    }

    /** As review sends it: the applicant's phone sealed as intake sealed it, the name masked. */
    private Recipient recipient(String number) {
        return new Recipient(null, cipher.seal(PHONE, SealedField.PHONE.context(number)), "张*", "138****8000");
    }
}
