package org.mtb.notification.flow;

import org.mtb.stack.KafkaTestClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mtb.contracts.Channel;
import org.mtb.contracts.DiseaseCategory;
import org.mtb.contracts.InsuranceType;
import org.mtb.contracts.Topics;
import org.mtb.contracts.intake.Agent;
import org.mtb.contracts.intake.Applicant;
import org.mtb.contracts.intake.ApplicationSubmitted;
import org.mtb.contracts.intake.Hospital;
import org.mtb.contracts.review.ApplicationDecided;
import org.mtb.contracts.review.DecisionOutcome;
import org.mtb.contracts.review.PublicNoticeStarted;
import org.mtb.contracts.review.QualificationGranted;
import org.mtb.contracts.review.Recipient;
import org.mtb.contracts.review.ReviewExtended;
import org.mtb.contracts.review.SupplementItem;
import org.mtb.contracts.review.SupplementRequested;
import org.mtb.notification.NotificationServiceApplication;
import org.mtb.support.apidocs.ApiDocumentation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.mtb.contracts.SealedField;
import org.mtb.contracts.intake.Submitter;
import org.mtb.support.crypto.BlindIndex;
import org.mtb.support.crypto.FieldCipher;
import org.mtb.support.security.ChannelRequests;
import org.mtb.support.security.Role;
import org.mtb.support.security.SignedInRequests;
import org.mtb.support.security.TestTokens;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.RestClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The notification flow over real sockets: events in through Kafka, messages out through the recording SMS
 * gateway and the HTTP API. Run against the in-JVM broker and Mongo server, and against containers.
 */
@SpringBootTest(classes = {NotificationServiceApplication.class, FlakySmsGatewayConfiguration.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"notification.sms.retry-interval=200ms", "notification.sms.first-retry-after=300ms"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class NotificationFlowScenario {

    static final String GROUP = "notification-service";
    static final String PHONE = "13800138000";
    static final String NAME = "张三";
    static final String ID_NUMBER = "11010519491231002X";
    static final Duration PATIENCE = Duration.ofSeconds(30);

    /** Each test its own application, so that tests sharing the broker and database do not see each other. */
    private static final AtomicInteger SEQUENCE =
            new AtomicInteger(ThreadLocalRandom.current().nextInt(100_000, 800_000));

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    FieldCipher cipher;

    @Autowired
    BlindIndex index;

    @Autowired
    MeterRegistry meters;

    RestClient http;
    KafkaTestClient kafka;

    abstract String bootstrapServers();

    @BeforeAll
    void connect() {
        http = RestClient.builder().baseUrl("http://127.0.0.1:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, TestTokens.bearer(SignedInRequests.everyRole()))
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { }).build();
        kafka = new KafkaTestClient(bootstrapServers());
    }

    @AfterAll
    void closeKafka() {
        kafka.close();
    }

    @Test
    void tellsTheApplicantOfASubmissionInTheAppAndBySms() throws Exception {
        String number = nextNumber();

        kafka.send(Topics.APPLICATION_SUBMITTED, number, json.writeValueAsString(submitted(number, PHONE)));

        List<JsonNode> messages = awaitMessages(number, 2, this::smsSent);
        assertThat(messages).extracting(m -> m.get("channel").asString()).containsExactly("IN_APP", "SMS");
        assertThat(messages).allSatisfy(m -> {
            assertThat(m.get("eventType").asString()).isEqualTo("APPLICATION_SUBMITTED");
            assertThat(m.get("recipient").asString()).isEqualTo("138****8000");
            assertThat(m.get("status").asString()).isEqualTo("SENT");
            assertThat(m.get("body").asString()).contains(number, "血友病", "张*您好");
        });
        JsonNode sms = messages.get(1);
        assertThat(sms.get("body").asString()).startsWith("【医保服务】张*您好，您申请的门诊慢特病（血友病）已受理");
        assertThat(sms.get("attempts").asInt()).isEqualTo(1);
        assertThat(rawMessages(number)).doesNotContain(PHONE, NAME, ID_NUMBER);
        assertThat(recordedSms(number)).singleElement().satisfies(recorded -> {
            assertThat(recorded.getString("phoneMasked")).isEqualTo("138****8000");
            assertThat(recorded.toJson()).doesNotContain(PHONE, NAME, ID_NUMBER);
        });
    }

    @Test
    void sendsNothingTwiceWhenAnEventIsRedelivered() throws Exception {
        String number = nextNumber();
        String event = json.writeValueAsString(submitted(number, PHONE));

        RecordMetadata last = null;
        for (int i = 0; i < 3; i++) {
            last = kafka.send(Topics.APPLICATION_SUBMITTED, number, event);
        }
        RecordMetadata third = last;

        await().atMost(PATIENCE).until(() -> kafka.consumedPast(GROUP, third));
        assertThat(messages(number)).hasSize(2).allMatch(m -> m.get("status").asString().equals("SENT"));
        assertThat(recordedSms(number)).hasSize(1);
    }

    @Test
    void writesAndSendsNothingWhenAHandledEventIsReplayed() throws Exception {
        String number = nextNumber();
        String event = json.writeValueAsString(submitted(number, PHONE));
        kafka.send(Topics.APPLICATION_SUBMITTED, number, event);
        List<JsonNode> handled = awaitMessages(number, 2, this::smsSent);
        double duplicates = meters.counter("notification.events.duplicates").count();

        RecordMetadata replayed = kafka.send(Topics.APPLICATION_SUBMITTED, number, event);

        await().atMost(PATIENCE).until(() -> kafka.consumedPast(GROUP, replayed));
        assertThat(messages(number)).isEqualTo(handled);
        assertThat(recordedSms(number)).hasSize(1);
        // Counted only for an event whose messages were all found stored: it was skipped before any write.
        assertThat(meters.counter("notification.events.duplicates").count()).isGreaterThan(duplicates);
    }

    @Test
    void tellsTheReasonsOfARejection() throws Exception {
        String number = nextNumber();
        var rejected = decided(number, DecisionOutcome.REJECTED, List.of("诊断证明超过12个月", "缺少二级及以上医院盖章"));

        kafka.send(Topics.APPLICATION_DECIDED, number, json.writeValueAsString(rejected));

        List<JsonNode> messages = awaitMessages(number, 2, this::smsSent);
        assertThat(messages).allSatisfy(m -> {
            assertThat(m.get("eventType").asString()).isEqualTo("APPLICATION_REJECTED");
            assertThat(m.get("title").asString()).isEqualTo("门诊慢特病申请未通过审核");
            assertThat(m.get("body").asString()).contains("原因：诊断证明超过12个月；缺少二级及以上医院盖章", number);
        });
    }

    @Test
    void tellsEveryItemOfASupplementRequestToThoseWhoReadTheApplication() throws Exception {
        String number = nextNumber();
        ApplicationSubmitted event = submitted(number, PHONE);
        kafka.send(Topics.APPLICATION_SUBMITTED, number, json.writeValueAsString(new ApplicationSubmitted(
                event.eventId(), event.schemaVersion(), event.occurredAt(), number, event.regionCode(),
                event.diseaseCode(), event.diseaseName(), event.diseaseCategory(), event.applicant(), event.hospital(),
                event.conditionSummary(), event.channel(), event.submittedAt(),
                new Submitter("applicant-zhang", "mtb-cli", "APPLICANT"))));
        Instant now = Instant.now();
        SupplementRequested requested = new SupplementRequested(UUID.randomUUID(), SupplementRequested.SCHEMA_VERSION,
                now, number, "659006", "血友病", 1, List.of(new SupplementItem("DIAGNOSIS_CERTIFICATE", "疾病诊断证明",
                        "缺少医院公章"), new SupplementItem("MEDICAL_RECORD", "门诊病历", "未提供近一年的病历")),
                "expert-1", now, Instant.parse("2026-12-24T03:00:00Z"),
                new Recipient(null, cipher.seal(PHONE, SealedField.PHONE.context(number)), "张*", "138****8000"));

        kafka.send(Topics.SUPPLEMENT_REQUESTED, number, json.writeValueAsString(requested));

        List<JsonNode> messages = awaitMessages(number, 4, all -> all.stream()
                .filter(m -> m.get("channel").asString().equals("SMS"))
                .allMatch(m -> m.get("status").asString().equals("SENT")));
        List<JsonNode> supplement = messages.stream()
                .filter(m -> m.get("eventType").asString().equals("SUPPLEMENT_REQUESTED")).toList();
        assertThat(supplement).extracting(m -> m.get("channel").asString()).containsExactly("IN_APP", "SMS");
        assertThat(supplement.get(0).get("body").asString())
                .contains("1. 疾病诊断证明：缺少医院公章\n2. 门诊病历：未提供近一年的病历\n请于2026年12月24日 11:00前");
        assertThat(supplement.get(1).get("body").asString()).contains("需补正材料2项", "请于2026年12月24日 11:00前补正");
        assertThat(rawMessages(number)).doesNotContain(PHONE, NAME, ID_NUMBER);
        assertThat(messagesAs(number, TestTokens.applicant("applicant-zhang", ID_NUMBER))).hasSize(4);
        assertThat(messagesAs(number, TestTokens.applicant("applicant-li", "620902198001011232"))).isEmpty();
    }

    @Test
    void tellsTheAgentEveryStatusChangeBySmsToTheAgentsPhoneReadByThoseWhoReadTheApplication() throws Exception {
        String number = nextNumber();
        String agentPhone = "13912345678";
        String agentIdNumber = "110105198001011234";
        ApplicationSubmitted event = submitted(number, PHONE);
        Agent agent = new Agent(cipher.seal(agentIdNumber, SealedField.AGENT_ID_NUMBER.context(number)),
                cipher.seal("李四", SealedField.AGENT_NAME.context(number)),
                cipher.seal(agentPhone, SealedField.AGENT_PHONE.context(number)), Agent.Relationship.CHILD,
                Applicant.Masked.of(agentIdNumber, "李四", agentPhone));
        kafka.send(Topics.APPLICATION_SUBMITTED, number, json.writeValueAsString(new ApplicationSubmitted(
                event.eventId(), event.schemaVersion(), event.occurredAt(), number, event.regionCode(),
                event.diseaseCode(), event.diseaseName(), event.diseaseCategory(), event.applicant(), event.hospital(),
                event.conditionSummary(), event.channel(), event.submittedAt(),
                new Submitter("agent-li", "mtb-cli", "APPLICANT"), null, null, null, agent)));
        awaitMessages(number, 3, this::allSmsSent);

        kafka.send(Topics.APPLICATION_DECIDED, number,
                json.writeValueAsString(decided(number, DecisionOutcome.APPROVED, List.of())));

        List<JsonNode> messages = awaitMessages(number, 6, this::allSmsSent);
        assertThat(messages).extracting(m -> m.get("channel").asString() + " " + m.get("addressee").asString())
                .containsExactly("IN_APP APPLICANT", "SMS APPLICANT", "SMS AGENT", "IN_APP APPLICANT", "SMS APPLICANT",
                        "SMS AGENT");
        assertThat(messages.getLast().get("recipient").asString()).isEqualTo("139****5678");
        assertThat(messages.getLast().get("body").asString())
                .startsWith("【医保服务】李*您好，您为张*代办的门诊慢特病（血友病）申请已审核通过");
        assertThat(rawMessages(number)).doesNotContain(PHONE, NAME, ID_NUMBER, agentPhone, "李四", agentIdNumber);
        assertThat(recordedSms(number)).filteredOn(sms -> sms.getString("phoneIndex")
                .equals(index.of("phone", agentPhone))).as("sent to the agent's phone").hasSize(2)
                .allSatisfy(sms -> assertThat(sms.getString("text")).contains("李*您好，您为张*代办的"));
        assertThat(messagesAs(number, TestTokens.applicant("agent-li", agentIdNumber))).hasSize(6);
        assertThat(messagesAs(number, TestTokens.applicant("applicant-zhang", ID_NUMBER))).hasSize(6);
        assertThat(messagesAs(number, TestTokens.applicant("applicant-wang", "620902198001011232"))).isEmpty();
    }

    @Test
    void tellsThePublicNoticeOfAnApprovalAndTheQualificationThatFollows() throws Exception {
        String number = nextNumber();
        Instant now = Instant.now();
        Recipient recipient = new Recipient(null, cipher.seal(PHONE, SealedField.PHONE.context(number)), "张*",
                "138****8000");

        kafka.send(Topics.PUBLIC_NOTICE_STARTED, number, json.writeValueAsString(new PublicNoticeStarted(
                UUID.randomUUID(), PublicNoticeStarted.SCHEMA_VERSION, now, number, "659006", "血友病",
                LocalDate.of(2026, 12, 11), LocalDate.of(2026, 12, 17), recipient)));
        kafka.send(Topics.QUALIFICATION_GRANTED, number, json.writeValueAsString(new QualificationGranted(
                UUID.randomUUID(), QualificationGranted.SCHEMA_VERSION, now, number, "Q-" + number, "659006", "M01200",
                "血友病", QualificationGranted.Grant.REVIEW, null, LocalDate.of(2026, 12, 18), null, null, recipient)));

        List<JsonNode> messages = awaitMessages(number, 4, this::allSmsSent);
        assertThat(messages).extracting(m -> m.get("eventType").asString() + " " + m.get("channel").asString())
                .containsExactlyInAnyOrder("PUBLIC_NOTICE_STARTED IN_APP", "PUBLIC_NOTICE_STARTED SMS",
                        "QUALIFICATION_GRANTED IN_APP", "QUALIFICATION_GRANTED SMS");
        assertThat(recordedSms(number)).extracting(sms -> sms.getString("text")).containsExactlyInAnyOrder(
                "【医保服务】张*您好，您申请的门诊慢特病（血友病）已审核通过，现予公示，公示期为2026年12月11日至2026年12月17日，"
                        + "期满无异议的待遇按规定生效。受理编号" + number + "。",
                "【医保服务】张*您好，您申请的门诊慢特病（血友病）待遇资格已认定，自2026年12月18日起享受待遇，长期有效，资格编号Q-"
                        + number + "。");
        assertThat(rawMessages(number)).doesNotContain(PHONE, NAME, ID_NUMBER);
    }

    @Test
    void tellsAnExtendedReviewDeadlineAndParksAnExtensionThatNamesNone() throws Exception {
        String number = nextNumber();
        Instant now = Instant.now();
        Recipient recipient = new Recipient(null, cipher.seal(PHONE, SealedField.PHONE.context(number)), "张*",
                "138****8000");
        ReviewExtended withoutDeadline = new ReviewExtended(UUID.randomUUID(), ReviewExtended.SCHEMA_VERSION, now,
                number, "659006", "血友病", 1, Instant.parse("2026-12-21T09:30:00Z"), null, "需调取外院病历核实诊断",
                recipient);

        kafka.send(Topics.REVIEW_EXTENDED, number, json.writeValueAsString(withoutDeadline));
        kafka.send(Topics.REVIEW_EXTENDED, number, json.writeValueAsString(new ReviewExtended(UUID.randomUUID(),
                ReviewExtended.SCHEMA_VERSION, now, number, "659006", "血友病", 1, withoutDeadline.previousDueAt(),
                Instant.parse("2027-01-05T09:30:00Z"), "需调取外院病历核实诊断", recipient)));

        List<JsonNode> messages = awaitMessages(number, 2, this::smsSent);
        assertThat(messages).extracting(m -> m.get("eventType").asString() + " " + m.get("channel").asString())
                .containsExactly("REVIEW_EXTENDED IN_APP", "REVIEW_EXTENDED SMS");
        assertThat(messages.getFirst().get("body").asString()).contains("审核期限延长至2027年1月5日 17:30",
                "延长原因：需调取外院病历核实诊断");
        assertThat(recordedSms(number)).extracting(sms -> sms.getString("text")).containsExactly("【医保服务】张*您好，"
                + "您申请的门诊慢特病（血友病）审核期限已延长至2027年1月5日 17:30，受理编号" + number + "。延长原因请查看医保APP消息。");
        assertThat(rawMessages(number)).doesNotContain(PHONE, NAME, ID_NUMBER);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(
                kafka.readAll(Topics.deadLetter(Topics.REVIEW_EXTENDED, GROUP), Duration.ofSeconds(1)))
                .extracting(r -> r.value()).anyMatch(v -> v.contains(withoutDeadline.eventId().toString())));
    }

    @Test
    void parksAPoisonMessageOnTheDeadLetterTopicAndGoesOn() throws Exception {
        kafka.send(Topics.APPLICATION_DECIDED, "659006-20000101-000000", "{not json");
        String number = nextNumber();
        var approved = decided(number, DecisionOutcome.APPROVED, List.of("诊断明确，材料齐全"));
        kafka.send(Topics.APPLICATION_DECIDED, number, json.writeValueAsString(approved));

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(
                kafka.readAll(Topics.deadLetter(Topics.APPLICATION_DECIDED, GROUP), Duration.ofSeconds(1)))
                .extracting(r -> r.value()).contains("{not json"));
        List<JsonNode> messages = awaitMessages(number, 2, this::smsSent);
        assertThat(messages).allSatisfy(m -> assertThat(m.get("body").asString()).contains("已审核通过"));
    }

    @Test
    void sendsAnSmsTheGatewayRefusedOnceOnTheRetry() throws Exception {
        String number = nextNumber();

        kafka.send(Topics.APPLICATION_SUBMITTED, number,
                json.writeValueAsString(submitted(number, FlakySmsGatewayConfiguration.FLAKY_PHONE)));

        List<JsonNode> messages = awaitMessages(number, 2, this::smsSent);
        JsonNode sms = messages.get(1);
        assertThat(sms.get("attempts").asInt()).isEqualTo(2);
        assertThat(sms.get("recipient").asString()).isEqualTo("139****9000");
        assertThat(recordedSms(number)).hasSize(1);
        Document stored = mongo.findById(sms.get("id").asString(), Document.class, "messages");
        assertThat(stored.getString("lastError")).contains("139****9000")
                .doesNotContain(FlakySmsGatewayConfiguration.FLAKY_PHONE);
    }

    @Test
    void reportsHealthUpWithMongo() {
        JsonNode health = json.readTree(http.get().uri("/actuator/health").retrieve().body(String.class));

        assertThat(health.get("status").asString()).isEqualTo("UP");
        assertThat(health.get("components").get("mongo").get("status").asString()).isEqualTo("UP");
    }

    @Test
    void theInsuredPersonReadsTheMessagesOfAnApplicationAChannelSubmittedKnownByTheBlindIndexOnly() throws Exception {
        String number = nextNumber();
        ApplicationSubmitted event = submitted(number, PHONE);
        ApplicationSubmitted byChannel = new ApplicationSubmitted(event.eventId(), event.schemaVersion(),
                event.occurredAt(), number, event.regionCode(), event.diseaseCode(), event.diseaseName(),
                event.diseaseCategory(), event.applicant(), event.hospital(), event.conditionSummary(), event.channel(),
                event.submittedAt(), new Submitter(ChannelRequests.TIEMENGUAN, ChannelRequests.TIEMENGUAN, "CHANNEL"));
        kafka.send(Topics.APPLICATION_SUBMITTED, number, json.writeValueAsString(byChannel));
        awaitMessages(number, 2, this::smsSent);

        assertThat(messagesAs(number, TestTokens.applicant("applicant-zhang", "11010519491231002x"))).hasSize(2);
        assertThat(messagesAs(number, TestTokens.applicant("applicant-li", "620902198001011232"))).isEmpty();
    }

    @Test
    void tellsTheApplicantOfASchemaOneEventInClearAndStoresThePhoneSealed() throws Exception {
        String number = nextNumber();
        Instant now = Instant.now();
        ApplicationSubmitted clear = new ApplicationSubmitted(UUID.randomUUID(), 1, now, number, "659006", "M01200",
                "血友病", DiseaseCategory.SPECIAL, new Applicant(ID_NUMBER, NAME, PHONE, InsuranceType.RESIDENT, null, null),
                new Hospital("第二师医院", 3, null), "血友病A型", Channel.APP, now, null);
        kafka.send(Topics.APPLICATION_SUBMITTED, number, json.writeValueAsString(clear));

        List<JsonNode> messages = awaitMessages(number, 2, this::smsSent);

        assertThat(messages).allSatisfy(m -> assertThat(m.get("recipient").asString()).isEqualTo("138****8000"));
        assertThat(messages.get(1).get("body").asString()).contains("张*您好");
        assertThat(mongo.getCollection("messages").find(new org.bson.Document("applicationNumber", number))
                .into(new java.util.ArrayList<>()).toString()).doesNotContain(PHONE, NAME);
    }

    @Test
    void theSubmittingAccountAndTheRegionsStaffReadTheMessagesAndToOthersThereAreNone() throws Exception {
        String number = nextNumber();
        ApplicationSubmitted event = submitted(number, PHONE);
        ApplicationSubmitted byZhang = new ApplicationSubmitted(event.eventId(), event.schemaVersion(),
                event.occurredAt(), number, event.regionCode(), event.diseaseCode(), event.diseaseName(),
                event.diseaseCategory(), event.applicant(), event.hospital(), event.conditionSummary(), event.channel(),
                event.submittedAt(), new Submitter("applicant-zhang", "mtb-cli", "APPLICANT"));
        kafka.send(Topics.APPLICATION_SUBMITTED, number, json.writeValueAsString(byZhang));
        awaitMessages(number, 2, this::smsSent);

        assertThat(messagesAs(number, TestTokens.applicant("applicant-zhang", ID_NUMBER))).hasSize(2);
        assertThat(messagesAs(number, TestTokens.staff(Role.HOTLINE, "hotline-659006", "659006"))).hasSize(2);
        assertThat(mongo.getCollection("application_messages").find(new org.bson.Document("_id", number)).first()
                .getString("insuredIndex")).isEqualTo(index.ofIdNumber(ID_NUMBER));
        assertThat(messagesAs(number, TestTokens.applicant("applicant-li", "620902198001011232"))).isEmpty();
        assertThat(messagesAs(number, TestTokens.token("reviewer-h1").roles(Role.REVIEWER).regions("659006")
                .claim("institution", "H65900600001").claim("azp", "mtb-cli").sign()))
                .as("a reviewer narrowed to an institution the application does not name").isEmpty();
        assertThat(json.readTree(http.get().uri("/api/v1/applications/{n}/messages", number)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestTokens.channel(ChannelRequests.TIEMENGUAN,
                        "659006")))
                .headers(headers -> ChannelRequests.signed(ChannelRequests.TIEMENGUAN, "").forEach(headers::set))
                .retrieve().body(String.class))).as("a channel that did not submit it").isEmpty();
        assertThat(messagesAs(number, TestTokens.staff(Role.HOTLINE, "hotline-620900", "620900"))).isEmpty();
        assertThat(RestClient.builder().baseUrl("http://127.0.0.1:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { }).build().get()
                .uri("/api/v1/applications/{n}/messages", number).retrieve().toEntity(String.class)
                .getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void countsSentMessagesForPrometheus() throws Exception {
        String number = nextNumber();
        kafka.send(Topics.APPLICATION_SUBMITTED, number, json.writeValueAsString(submitted(number, PHONE)));
        awaitMessages(number, 2, this::smsSent);

        String metrics = http.get().uri("/actuator/prometheus").retrieve().body(String.class);

        assertThat(metrics)
                .containsPattern("notification_messages_sent_total\\{.*channel=\"SMS\".*event=\"APPLICATION_SUBMITTED\".*} "
                        + "[1-9]")
                .containsPattern("notification_messages_sent_total\\{.*channel=\"IN_APP\".*} [1-9]")
                .contains("notification_sms_failed_total");
    }

    static String nextNumber() {
        return "659006-20261123-%06d".formatted(SEQUENCE.incrementAndGet());
    }

    /** A submission as intake sends it (schema 2): personal data sealed, the masked forms and the blind index. */
    ApplicationSubmitted submitted(String number, String phone) {
        Instant now = Instant.now();
        Applicant applicant = new Applicant(cipher.seal(ID_NUMBER, SealedField.ID_NUMBER.context(number)),
                cipher.seal(NAME, SealedField.NAME.context(number)), cipher.seal(phone, SealedField.PHONE.context(number)),
                InsuranceType.RESIDENT, index.ofIdNumber(ID_NUMBER), Applicant.Masked.of(ID_NUMBER, NAME, phone));
        return new ApplicationSubmitted(UUID.randomUUID(), 2, now, number, "659006", "M01200", "血友病",
                DiseaseCategory.SPECIAL, applicant, new Hospital("第二师医院", 3, null),
                cipher.seal("血友病A型，需长期替代治疗", SealedField.CONDITION_SUMMARY.context(number)), Channel.APP, now, null);
    }

    /** A decision as review sends it (schema 2): the phone sealed as intake sealed it, the name masked. */
    ApplicationDecided decided(String number, DecisionOutcome outcome, List<String> reasons) {
        Instant now = Instant.now();
        return new ApplicationDecided(UUID.randomUUID(), 2, now, number, "659006", "M01200", "血友病", outcome, reasons,
                "expert-1", now, new Recipient(null, cipher.seal(PHONE, SealedField.PHONE.context(number)), "张*",
                        "138****8000"));
    }

    private boolean smsSent(List<JsonNode> messages) {
        return messages.stream().anyMatch(m -> m.get("channel").asString().equals("SMS")
                && m.get("status").asString().equals("SENT"));
    }

    private boolean allSmsSent(List<JsonNode> messages) {
        return messages.stream().filter(m -> m.get("channel").asString().equals("SMS"))
                .allMatch(m -> m.get("status").asString().equals("SENT"));
    }

    List<JsonNode> awaitMessages(String number, int count, Predicate<List<JsonNode>> ready) {
        return await().atMost(PATIENCE).until(() -> messages(number), m -> m.size() == count && ready.test(m));
    }

    List<JsonNode> messages(String number) {
        return json.readTree(rawMessages(number)).valueStream().toList();
    }

    List<JsonNode> messagesAs(String number, String token) {
        return json.readTree(http.get().uri("/api/v1/applications/{n}/messages", number)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(token)).retrieve().body(String.class))
                .valueStream().toList();
    }

    String rawMessages(String number) {
        return http.get().uri("/api/v1/applications/{n}/messages", number).retrieve().body(String.class);
    }

    /** What the recording gateway "delivered" about this application. */
    List<Document> recordedSms(String number) {
        return mongo.findAll(Document.class, "sms_outbox_log").stream()
                .filter(sms -> sms.getString("text").contains(number)).toList();
    }

    @Test
    void documentsEveryEndpointInItsOpenApiDocumentServedWithoutAToken(
            @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) {
        ApiDocumentation.assertComplete(port, mappings, 1);
    }
}
