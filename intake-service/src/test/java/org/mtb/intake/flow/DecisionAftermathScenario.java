package org.mtb.intake.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mtb.contracts.DiseaseCategory;
import org.mtb.contracts.InsuranceType;
import org.mtb.contracts.SealedField;
import org.mtb.contracts.Topics;
import org.mtb.contracts.catalog.CatalogDisease;
import org.mtb.contracts.catalog.CatalogPublished;
import org.mtb.contracts.review.ApplicationDecided;
import org.mtb.contracts.review.DecisionOutcome;
import org.mtb.contracts.review.ObjectionRaised;
import org.mtb.contracts.review.ObjectionSettled;
import org.mtb.contracts.review.PublicNoticeStarted;
import org.mtb.contracts.review.QualificationExpired;
import org.mtb.contracts.review.QualificationGranted;
import org.mtb.contracts.review.QualificationRevoked;
import org.mtb.contracts.review.Recipient;
import org.mtb.contracts.review.ReviewExtended;
import org.mtb.contracts.review.ReviewStarted;
import org.mtb.stack.KafkaTestClient;
import org.mtb.support.crypto.FieldCipher;
import org.mtb.support.security.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the applicant reads as review extends its deadline and after its decision, over real sockets: the extended
 * deadline with its reason, the public notice (公示) with its days, an objection and its settlement, the qualification
 * granted with its number and dates, revoked or expired; review's events redelivered or arriving late change nothing
 * they should not. Run against the in-JVM broker and Mongo server, and against containers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DecisionAftermathScenario {

    static final String REGION = "659006";
    static final String GROUP = "intake-service";
    static final Duration PATIENCE = Duration.ofSeconds(20);
    static final LocalDate NOTICE_FROM = LocalDate.of(2026, 12, 11);
    static final LocalDate NOTICE_UNTIL = LocalDate.of(2026, 12, 17);
    static final LocalDate VALID_FROM = LocalDate.of(2026, 12, 18);
    static final LocalDate VALID_TO = LocalDate.of(2027, 12, 17);
    private static final AtomicInteger PEOPLE = new AtomicInteger();

    /** One account applying for a different person in each test. */
    final String account = TestTokens.applicant("applicant-sun", "110105194912310029");

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @Autowired
    FieldCipher cipher;

    RestClient http;
    KafkaTestClient kafka;

    abstract String bootstrapServers();

    @BeforeAll
    void publishCatalog() throws Exception {
        http = RestClient.builder().baseUrl("http://127.0.0.1:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, TestTokens.bearer(account))
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { }).build();
        kafka = new KafkaTestClient(bootstrapServers());
        kafka.send(Topics.CATALOG_PUBLISHED, REGION, json.writeValueAsString(new CatalogPublished(UUID.randomUUID(), 1,
                Instant.now(), REGION, "铁门关市", "2025.1", null, List.of(InsuranceType.RESIDENT),
                List.of(new CatalogDisease("M01200", "血友病", DiseaseCategory.SPECIAL)), null)));
        await().atMost(Duration.ofSeconds(30)).until(() -> submit("{}").getStatusCode().value() == 400);
    }

    @AfterAll
    void closeKafka() {
        kafka.close();
    }

    @Test
    void aNoticedApprovalWaitsOutItsNoticeThroughAnObjectionUntilTheQualificationTakesEffect() throws Exception {
        String number = applied(nextIdNumber());
        send(Topics.APPLICATION_DECIDED, number, decided(number, NOTICE_UNTIL, null));
        send(Topics.PUBLIC_NOTICE_STARTED, number, new PublicNoticeStarted(UUID.randomUUID(), 1, Instant.now(), number,
                REGION, "血友病", NOTICE_FROM, NOTICE_UNTIL, recipient(number)));

        awaitStatus(number, "IN_PUBLIC_NOTICE");
        await().atMost(PATIENCE).until(() -> view(number).path("aftermath").path("noticeFrom").isString());
        JsonNode noticed = view(number);
        assertThat(noticed.get("aftermath").get("noticeFrom").asString()).isEqualTo("2026-12-11");
        assertThat(noticed.get("aftermath").get("noticeUntil").asString()).isEqualTo("2026-12-17");
        assertThat(noticed.get("nextStep").get("action").asString()).isEqualTo("WAIT_FOR_PUBLIC_NOTICE");
        assertThat(noticed.get("nextStep").get("text").asString()).contains("公示期至2026年12月17日");
        assertThat(mine(number).get("aftermath").get("noticeUntil").asString()).isEqualTo("2026-12-17");
        assertThat(mine(number).get("status").asString()).isEqualTo("IN_PUBLIC_NOTICE");
        var withdrawal = http.post().uri("/api/v1/applications/{n}/withdrawal", number)
                .contentType(MediaType.APPLICATION_JSON).body("{\"reason\":\"不需要了\"}").retrieve()
                .toEntity(String.class);
        assertThat(withdrawal.getStatusCode().value()).as("decided: in notice").isEqualTo(409);
        assertThat(json.readTree(withdrawal.getBody()).path("code").asString()).isEqualTo("APPLICATION_ALREADY_ENDED");

        ObjectionRaised raised = new ObjectionRaised(UUID.randomUUID(), 1, Instant.now(), number, "OBJ-1", REGION,
                "血友病", recipient(number));
        send(Topics.OBJECTION_RAISED, number, raised);
        assertThat(awaitStatus(number, "UNDER_OBJECTION").get("nextStep").get("action").asString())
                .isEqualTo("WAIT_FOR_OBJECTION_DECISION");
        send(Topics.OBJECTION_SETTLED, number, new ObjectionSettled(UUID.randomUUID(), 1, Instant.now(), number,
                "OBJ-1", REGION, "血友病", false, "经核实，反映情况不属实", recipient(number)));
        awaitStatus(number, "IN_PUBLIC_NOTICE");

        QualificationGranted granted = granted(number, VALID_TO);
        send(Topics.QUALIFICATION_GRANTED, number, granted);
        JsonNode inEffect = awaitStatus(number, "APPROVED");
        assertThat(inEffect.get("aftermath").get("qualificationNumber").asString()).isEqualTo("Q-" + number);
        assertThat(inEffect.get("aftermath").get("validFrom").asString()).isEqualTo("2026-12-18");
        assertThat(inEffect.get("aftermath").get("validTo").asString()).isEqualTo("2027-12-17");
        assertThat(inEffect.get("nextStep").get("action").asString()).isEqualTo("USE_QUALIFICATION");
        assertThat(mine(number).get("aftermath").get("qualificationNumber").asString()).isEqualTo("Q-" + number);
        assertThat(statuses(inEffect)).containsExactly("SUBMITTED", "IN_PUBLIC_NOTICE", "IN_PUBLIC_NOTICE",
                "UNDER_OBJECTION", "IN_PUBLIC_NOTICE", "APPROVED");

        // Redelivered, and an objection arriving after the notice ended: recorded, never moving the approval back.
        RecordMetadata regranted = send(Topics.QUALIFICATION_GRANTED, number, granted);
        send(Topics.OBJECTION_RAISED, number, raised);
        RecordMetadata late = send(Topics.OBJECTION_RAISED, number, new ObjectionRaised(UUID.randomUUID(), 1,
                Instant.now(), number, "OBJ-2", REGION, "血友病", recipient(number)));
        awaitConsumed(late);
        awaitConsumed(regranted);
        JsonNode after = view(number);
        assertThat(after.get("status").asString()).isEqualTo("APPROVED");
        assertThat(statuses(after)).containsExactly("SUBMITTED", "IN_PUBLIC_NOTICE", "IN_PUBLIC_NOTICE",
                "UNDER_OBJECTION", "IN_PUBLIC_NOTICE", "APPROVED", "UNDER_OBJECTION");
        assertThat(after.get("aftermath").get("validFrom").asString()).isEqualTo("2026-12-18");
    }

    @Test
    void anUpheldObjectionWithdrawsTheApprovalWithItsReasonAndTheDiseaseMayBeAppliedForAgain() throws Exception {
        String person = nextIdNumber();
        String number = applied(person);
        send(Topics.APPLICATION_DECIDED, number, decided(number, NOTICE_UNTIL, null));
        awaitStatus(number, "IN_PUBLIC_NOTICE");
        assertThat(json.readTree(submit(body(person)).getBody()).get("code").asString()).as("still open in notice")
                .isEqualTo("APPLICATION_ALREADY_OPEN");
        send(Topics.OBJECTION_RAISED, number, new ObjectionRaised(UUID.randomUUID(), 1, Instant.now(), number, "OBJ-1",
                REGION, "血友病", recipient(number)));
        awaitStatus(number, "UNDER_OBJECTION");
        awaitConsumed(send(Topics.OBJECTION_SETTLED, number, new ObjectionSettled(UUID.randomUUID(), 1, Instant.now(),
                number, "OBJ-1", REGION, "血友病", true, "经核实，申请人病历资料与实际病情不符", recipient(number))));

        JsonNode upheld = view(number);
        assertThat(upheld.get("status").asString()).isEqualTo("OBJECTION_UPHELD");
        assertThat(upheld.get("aftermath").get("reason").asString()).isEqualTo("经核实，申请人病历资料与实际病情不符");
        assertThat(upheld.get("nextStep").get("action").asString()).isEqualTo("APPLY_AGAIN_IF_NEEDED");
        assertThat(upheld.path("aftermath").path("qualificationNumber").isString()).isFalse();

        RecordMetadata late = send(Topics.PUBLIC_NOTICE_STARTED, number, new PublicNoticeStarted(UUID.randomUUID(), 1,
                Instant.now(), number, REGION, "血友病", NOTICE_FROM, NOTICE_UNTIL, recipient(number)));
        awaitConsumed(late);
        assertThat(view(number).get("status").asString()).as("a late notice").isEqualTo("OBJECTION_UPHELD");
        assertThat(submit(body(person)).getStatusCode().value()).as("applied for again").isEqualTo(201);
    }

    @Test
    void aRevokedQualificationEndsItsApplicationWithTheReasonEvenBeforeItsGrantArrives() throws Exception {
        String person = nextIdNumber();
        String number = applied(person);
        awaitConsumed(send(Topics.APPLICATION_DECIDED, number, decided(number, null, VALID_FROM)));
        assertThat(view(number).get("status").asString()).isEqualTo("APPROVED");
        assertThat(json.readTree(submit(body(person)).getBody()).get("code").asString())
                .isEqualTo("QUALIFICATION_ALREADY_HELD");

        awaitConsumed(send(Topics.QUALIFICATION_REVOKED, number, new QualificationRevoked(UUID.randomUUID(), 1,
                Instant.now(), number, "Q-" + number, REGION, "血友病", "事后审核：诊断证明未加盖医院公章", "reviewer-659006",
                recipient(number))));
        JsonNode revoked = view(number);
        assertThat(revoked.get("status").asString()).isEqualTo("QUALIFICATION_REVOKED");
        assertThat(revoked.get("aftermath").get("reason").asString()).isEqualTo("事后审核：诊断证明未加盖医院公章");
        assertThat(revoked.get("nextStep").get("action").asString()).isEqualTo("APPLY_AGAIN_IF_NEEDED");

        awaitConsumed(send(Topics.QUALIFICATION_GRANTED, number, granted(number, null)));
        JsonNode after = view(number);
        assertThat(after.get("status").asString()).isEqualTo("QUALIFICATION_REVOKED");
        assertThat(after.get("aftermath").get("validFrom").asString()).as("the grant's days still told")
                .isEqualTo("2026-12-18");
        assertThat(submit(body(person)).getStatusCode().value()).as("no qualification held now").isEqualTo(201);
    }

    @Test
    void anExpiredQualificationAsksForItsRenewal() throws Exception {
        String person = nextIdNumber();
        String number = applied(person);
        send(Topics.APPLICATION_DECIDED, number, decided(number, null, VALID_FROM));
        awaitStatus(number, "APPROVED");
        awaitConsumed(send(Topics.QUALIFICATION_GRANTED, number, granted(number, VALID_TO)));
        assertThat(view(number).path("aftermath").path("validTo").asString()).isEqualTo("2027-12-17");

        awaitConsumed(send(Topics.QUALIFICATION_EXPIRED, number, new QualificationExpired(UUID.randomUUID(), 1,
                Instant.now(), number, "Q-" + number, REGION, "血友病", VALID_TO, recipient(number))));

        JsonNode expired = view(number);
        assertThat(expired.get("status").asString()).isEqualTo("QUALIFICATION_EXPIRED");
        assertThat(expired.get("nextStep").get("action").asString()).isEqualTo("APPLY_FOR_RENEWAL");
        assertThat(expired.get("timeline").get(expired.get("timeline").size() - 1).get("note").asString())
                .isEqualTo("待遇资格已于2027年12月17日到期");
        assertThat(json.readTree(submit(body(person)).getBody()).get("code").asString())
                .isEqualTo("QUALIFICATION_ALREADY_HELD");
        String renewal = body(person).replace("\"channel\"", "\"kind\":\"RENEWAL\",\"qualificationNumber\":\"" + number
                + "\",\"channel\"");
        assertThat(submit(renewal).getStatusCode().value()).isEqualTo(201);
    }

    @Test
    void anExtendedDeadlineIsShownWithItsReasonOnceAndALateExtensionMovesNoDecisionBack() throws Exception {
        String number = applied(nextIdNumber());
        Instant promised = Instant.parse("2026-12-21T09:30:00Z");
        Instant extended = Instant.parse("2027-01-05T09:30:00Z");
        send(Topics.REVIEW_STARTED, number, new ReviewStarted(UUID.randomUUID(), 1, Instant.now(), number, REGION,
                Instant.now(), promised));
        await().atMost(PATIENCE).until(() -> promised.equals(reviewDueAt(view(number))));

        ReviewExtended extension = extension(number, 1, promised, extended, "需调取外院病历核实诊断");
        send(Topics.REVIEW_EXTENDED, number, extension);
        await().atMost(PATIENCE).until(() -> extended.equals(reviewDueAt(view(number))));
        awaitConsumed(send(Topics.REVIEW_EXTENDED, number, extension));
        JsonNode shown = view(number);
        assertThat(shown.get("status").asString()).isEqualTo("UNDER_REVIEW");
        assertThat(Instant.parse(shown.get("nextStep").get("dueAt").asString())).isEqualTo(extended);
        assertThat(Instant.parse(mine(number).get("deadline").asString())).isEqualTo(extended);
        assertThat(shown.get("timeline").valueStream().map(entry -> entry.get("note").asString())
                .filter(note -> note.startsWith("审核期限延长")).toList()).as("recorded once")
                .containsExactly("审核期限延长至2027年1月5日 17:30，延长原因：需调取外院病历核实诊断");

        awaitConsumed(send(Topics.APPLICATION_DECIDED, number, decided(number, null, VALID_FROM)));
        assertThat(view(number).get("status").asString()).isEqualTo("APPROVED");
        awaitConsumed(send(Topics.REVIEW_EXTENDED, number, extension(number, 2, extended,
                Instant.parse("2027-01-19T09:30:00Z"), "专家会诊")));
        JsonNode decided = view(number);
        assertThat(decided.get("status").asString()).as("a late extension").isEqualTo("APPROVED");
        assertThat(reviewDueAt(decided)).isNull();
        assertThat(decided.get("nextStep").get("action").asString()).isEqualTo("USE_QUALIFICATION");
        assertThat(decided.get("timeline").valueStream().map(entry -> entry.get("note").asString()))
                .contains("审核期限延长至2027年1月19日 17:30，延长原因：专家会诊");
    }

    @Test
    void parksAnUnreadableAftermathEventOnItsDeadLetterTopic() throws Exception {
        kafka.send(Topics.QUALIFICATION_REVOKED, "659006-20000101-000000", "{not json");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(kafka.readAll(
                Topics.deadLetter(Topics.QUALIFICATION_REVOKED, GROUP), Duration.ofSeconds(1)))
                .extracting(r -> r.value()).contains("{not json"));
    }

    private ApplicationDecided decided(String number, LocalDate noticeUntil, LocalDate effectiveFrom) {
        return new ApplicationDecided(UUID.randomUUID(), 2, Instant.now(), number, REGION, "M01200", "血友病",
                DecisionOutcome.APPROVED, List.of(), "expert-1", Instant.now(), recipient(number), List.of(),
                effectiveFrom, noticeUntil);
    }

    private ReviewExtended extension(String number, int nth, Instant previousDueAt, Instant dueAt, String reason) {
        return new ReviewExtended(UUID.randomUUID(), ReviewExtended.SCHEMA_VERSION, Instant.now(), number, REGION,
                "血友病", nth, previousDueAt, dueAt, reason, recipient(number));
    }

    private QualificationGranted granted(String number, LocalDate validTo) {
        return new QualificationGranted(UUID.randomUUID(), 1, Instant.now(), number, "Q-" + number, REGION, "M01200",
                "血友病", QualificationGranted.Grant.REVIEW, null, VALID_FROM, validTo, null, recipient(number));
    }

    private RecordMetadata send(String topic, String number, Object event) throws Exception {
        return kafka.send(topic, number, json.writeValueAsString(event));
    }

    /** Until intake committed past the record: it, and every record before it on its partition, is applied. */
    private void awaitConsumed(RecordMetadata sent) {
        await().atMost(PATIENCE).until(() -> kafka.consumedPast(GROUP, sent));
    }

    private JsonNode awaitStatus(String number, String status) {
        await().atMost(PATIENCE).until(() -> status.equals(view(number).get("status").asString()));
        return view(number);
    }

    private JsonNode view(String number) {
        return json.readTree(http.get().uri("/api/v1/applications/{n}", number).retrieve().body(String.class));
    }

    /** The application's line in my applications. */
    private JsonNode mine(String number) {
        return json.readTree(http.get().uri("/api/v1/applications?mine&size=100").retrieve().body(String.class))
                .get("items").valueStream().filter(item -> number.equals(item.get("applicationNumber").asString()))
                .findFirst().orElseThrow();
    }

    private static @Nullable Instant reviewDueAt(JsonNode application) {
        JsonNode due = application.path("reviewDueAt");
        return due.isString() ? Instant.parse(due.asString()) : null;
    }

    private static List<String> statuses(JsonNode application) {
        return application.get("timeline").valueStream().map(entry -> entry.get("status").asString()).toList();
    }

    private String applied(String person) {
        ResponseEntity<String> accepted = submit(body(person));
        assertThat(accepted.getStatusCode().value()).as(accepted.getBody()).isEqualTo(201);
        return json.readTree(accepted.getBody()).get("applicationNumber").asString();
    }

    private ResponseEntity<String> submit(String body) {
        return http.post().uri("/api/v1/applications").contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", "key-" + UUID.randomUUID()).body(body).retrieve().toEntity(String.class);
    }

    private static String body(String idNumber) {
        return """
                {"regionCode":"659006","diseaseCode":"M01200",
                 "applicant":{"idNumber":"%s","name":"孙小红","phone":"13800138000","insuranceType":"RESIDENT"},
                 "hospital":{"name":"第二师医院","level":3},"conditionSummary":"血友病A型","channel":"APP",
                 "declaration":{"accepted":true,"version":"2026-11-30"}}""".formatted(idNumber);
    }

    private Recipient recipient(String number) {
        return new Recipient(null, cipher.seal("13800138000", SealedField.PHONE.context(number)), "孙*红",
                "138****8000");
    }

    /** A valid resident ID number of a different person each call (checksum per GB 11643). */
    private static String nextIdNumber() {
        String body = "659006" + "1970" + "0101" + "%03d".formatted(100 + PEOPLE.incrementAndGet());
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * weights[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }
}
