package org.mtb.intake.flow;

import org.mtb.stack.KafkaTestClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mtb.contracts.DiseaseCategory;
import org.mtb.contracts.InsuranceType;
import org.mtb.contracts.Topics;
import org.mtb.contracts.catalog.CatalogDisease;
import org.mtb.contracts.catalog.CatalogPublished;
import org.mtb.contracts.SealedField;
import org.mtb.contracts.intake.Applicant;
import org.mtb.contracts.intake.ApplicationSubmitted;
import org.mtb.contracts.review.ApplicationDecided;
import org.mtb.contracts.review.DecisionOutcome;
import org.mtb.contracts.review.Recipient;
import org.mtb.contracts.review.ReviewStarted;
import org.mtb.support.apidocs.ApiDocumentation;
import org.mtb.support.crypto.BlindIndex;
import org.mtb.support.crypto.FieldCipher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.mtb.contracts.intake.Submitter;
import org.mtb.support.security.ChannelRequests;
import org.mtb.support.security.Role;
import org.mtb.support.security.TestTokens;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The intake flow over real sockets: catalog copy from Kafka, submission through HTTP, the event through the
 * outbox, review's events back. Run against the in-JVM broker and Mongo server, and against containers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ApplicationFlowScenario {

    static final String BODY = """
            {"regionCode":"659006","diseaseCode":"M01200",
             "applicant":{"idNumber":"11010519491231002X","name":"张三","phone":"13800138000","insuranceType":"RESIDENT"},
             "hospital":{"name":"第二师医院","level":3},"conditionSummary":"血友病A型，需长期替代治疗","channel":"APP",
             "declaration":{"accepted":true,"version":"2026-11-30"}}
            """;

    /** The insured person of {@link #BODY}, submitting for himself. */
    static final String ZHANG = TestTokens.applicant("applicant-zhang", "11010519491231002X");

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @Autowired
    FieldCipher cipher;

    @Autowired
    BlindIndex index;

    @Autowired
    MongoTemplate mongo;

    RestClient http;
    KafkaTestClient kafka;

    abstract String bootstrapServers();

    @BeforeAll
    void publishCatalog() throws Exception {
        http = RestClient.builder().baseUrl("http://127.0.0.1:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, TestTokens.bearer(ZHANG))
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { }).build();
        kafka = new KafkaTestClient(bootstrapServers());
        var catalog = new CatalogPublished(UUID.randomUUID(), 1, Instant.now(), "659006", "铁门关市", "2025.1",
                null, List.of(InsuranceType.EMPLOYEE, InsuranceType.RESIDENT),
                List.of(new CatalogDisease("M01200", "血友病", DiseaseCategory.SPECIAL),
                        new CatalogDisease("M03900", "高血压Ⅱ期及以上", DiseaseCategory.CHRONIC)), null);
        kafka.send(Topics.CATALOG_PUBLISHED, "659006", json.writeValueAsString(catalog));
        await().atMost(Duration.ofSeconds(30)).until(() -> submit("probe-" + UUID.randomUUID(), "{}").getStatusCode().value() == 400);
    }

    /**
     * Each test applies afresh: the open applications and qualifications of earlier tests (the same person and disease
     * throughout) are forgotten, so that only {@code ApplicantJourneyScenario} meets the rules on them.
     */
    @BeforeEach
    void forgetOpenApplicationsAndQualifications() {
        mongo.remove(new org.springframework.data.mongodb.core.query.Query(), "insured_diseases");
    }

    @AfterAll
    void closeKafka() {
        kafka.close();
    }

    @Test
    void acceptsAnApplicationAndPublishesItKeyedByApplicationNumber() {
        var response = submit("key-" + UUID.randomUUID(), BODY);

        assertThat(response.getStatusCode().value()).isEqualTo(201);
        JsonNode body = json.readTree(response.getBody());
        String number = body.get("applicationNumber").asString();
        assertThat(number).matches("659006-\\d{8}-\\d{6}");
        assertThat(body.get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(body.get("applicant").get("idNumber").asString()).isEqualTo("1101**********002X");
        assertThat(response.getBody()).doesNotContain("11010519491231002X", "张三", "13800138000");

        var records = kafka.readAll(Topics.APPLICATION_SUBMITTED, Duration.ofSeconds(2)).stream()
                .filter(r -> number.equals(r.key())).toList();
        assertThat(records).hasSize(1);
        assertThat(records.getFirst().value()).as("schema 2: personal data sealed on Kafka")
                .doesNotContain("11010519491231002X", "张三", "13800138000", "血友病A型");
        ApplicationSubmitted event = json.readValue(records.getFirst().value(), ApplicationSubmitted.class);
        assertThat(event.schemaVersion()).isEqualTo(2);
        assertThat(cipher.open(event.applicant().idNumber(), SealedField.ID_NUMBER.context(number)))
                .isEqualTo("11010519491231002X");
        assertThat(cipher.open(event.applicant().phone(), SealedField.PHONE.context(number))).isEqualTo("13800138000");
        assertThat(cipher.open(event.conditionSummary(), SealedField.CONDITION_SUMMARY.context(number)))
                .isEqualTo("血友病A型，需长期替代治疗");
        assertThat(event.applicant().idNumberIndex()).isEqualTo(index.ofIdNumber("11010519491231002X"));
        assertThat(event.applicant().masked()).isEqualTo(new Applicant.Masked("1101**********002X", "张*", "138****8000"));
        String stored = mongo.getCollection("applications").find(new org.bson.Document("_id", number)).first().toJson();
        assertThat(stored).as("stored sealed").doesNotContain("11010519491231002X", "张三", "13800138000", "血友病A型")
                .contains(event.applicant().phone());
        assertThat(event.diseaseName()).isEqualTo("血友病");
        assertThat(event.diseaseCategory()).isEqualTo(DiseaseCategory.SPECIAL);
        assertThat(event.submittedBy()).isEqualTo(new Submitter("applicant-zhang", "mtb-cli", "APPLICANT"));
    }

    @Test
    void anotherAccountReadsNothingOfAnApplicationAndRegionStaffReadTheirRegionsOnly() {
        String number = json.readTree(submit("key-" + UUID.randomUUID(), BODY).getBody()).get("applicationNumber")
                .asString();

        assertThat(read(number, TestTokens.applicant("applicant-li", "620902198001011232")).getStatusCode().value())
                .isEqualTo(404);
        assertThat(read(number, TestTokens.staff(Role.HOTLINE, "hotline-620900", "620900")).getStatusCode().value())
                .isEqualTo(404);
        assertThat(read(number, TestTokens.staff(Role.HOTLINE, "hotline-659006", "659006")).getStatusCode().value())
                .isEqualTo(200);
        assertThat(readAsChannel(number, ChannelRequests.TIEMENGUAN, "659006").getStatusCode().value())
                .as("a channel that did not submit it").isEqualTo(404);
        JsonNode unknown = json.readTree(read("659006-20000101-999999", ZHANG).getBody());
        JsonNode notYours = json.readTree(read(number, TestTokens.applicant("applicant-li", "620902198001011232"))
                .getBody());
        for (String same : List.of("type", "title", "status", "code")) {
            assertThat(notYours.get(same)).as(same + ", as for an unknown number").isEqualTo(unknown.get(same));
        }
    }

    @Test
    void theSameKeyFromTwoCallersMakesTwoApplicationsAndAChannelSubmitsOnlyInItsRegions() {
        String key = "key-" + UUID.randomUUID();
        var mine = submit(key, BODY);
        var theirs = submitAsChannel(key, BODY.replace("M01200", "M03900"), ChannelRequests.TIEMENGUAN, "659006");
        var elsewhere = submitAsChannel("key-" + UUID.randomUUID(), BODY, ChannelRequests.JIUQUAN, "620900");

        assertThat(theirs.getStatusCode().value()).isEqualTo(201);
        assertThat(theirs.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("false");
        assertThat(json.readTree(theirs.getBody()).get("applicationNumber").asString())
                .isNotEqualTo(json.readTree(mine.getBody()).get("applicationNumber").asString());
        assertThat(elsewhere.getStatusCode().value()).isEqualTo(403);
        assertThat(json.readTree(elsewhere.getBody()).get("code").asString()).isEqualTo("REGION_OUT_OF_SCOPE");
        String channelsOwn = json.readTree(theirs.getBody()).get("applicationNumber").asString();
        assertThat(readAsChannel(channelsOwn, ChannelRequests.TIEMENGUAN, "659006").getStatusCode().value())
                .isEqualTo(200);
    }

    @Test
    void aChannelsUnsignedReplayedOrAlteredRequestIsRefusedAndStoresNothing() {
        String token = TestTokens.channel(ChannelRequests.TIEMENGUAN, "659006");
        String key = "key-" + UUID.randomUUID();
        Map<String, String> signature = ChannelRequests.signed(ChannelRequests.TIEMENGUAN, BODY);

        var unsigned = submit(key, BODY, token);
        var altered = post(key, BODY.replace("血友病A型", "血友病B型"), token, signature);
        var accepted = post(key, BODY, token, signature);
        var replayed = post(key, BODY, token, signature);

        assertThat(json.readTree(unsigned.getBody()).get("code").asString()).isEqualTo("CHANNEL_SIGNATURE_MISSING");
        assertThat(json.readTree(altered.getBody()).get("code").asString()).isEqualTo("CHANNEL_BODY_CHANGED");
        assertThat(accepted.getStatusCode().value()).isEqualTo(201);
        assertThat(replayed.getStatusCode().value()).isEqualTo(401);
        assertThat(json.readTree(replayed.getBody()).get("code").asString()).isEqualTo("CHANNEL_NONCE_REPLAYED");
        String number = json.readTree(accepted.getBody()).get("applicationNumber").asString();
        assertThat(kafka.readAll(Topics.APPLICATION_SUBMITTED, Duration.ofSeconds(2)))
                .filteredOn(r -> number.equals(r.key())).hasSize(1);
    }

    @Test
    void everyEndpointButHealthNeedsAToken() {
        var noToken = RestClient.builder().baseUrl("http://127.0.0.1:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { }).build()
                .get().uri("/api/v1/applications/659006-20000101-000001").retrieve().toEntity(String.class);
        var metrics = http.get().uri("/actuator/prometheus").retrieve().toEntity(String.class);

        assertThat(noToken.getStatusCode().value()).isEqualTo(401);
        assertThat(json.readTree(noToken.getBody()).get("code").asString()).isEqualTo("TOKEN_MISSING");
        assertThat(metrics.getStatusCode().value()).as("an applicant's token").isEqualTo(403);
    }

    @Test
    void answersARetryWithTheSameResultAndCreatesNothing() {
        String key = "key-" + UUID.randomUUID();
        var first = submit(key, BODY);
        var retry = submit(key, BODY);

        assertThat(retry.getStatusCode().value()).isEqualTo(201);
        assertThat(retry.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        String number = json.readTree(first.getBody()).get("applicationNumber").asString();
        assertThat(json.readTree(retry.getBody()).get("applicationNumber").asString()).isEqualTo(number);
        assertThat(kafka.readAll(Topics.APPLICATION_SUBMITTED, Duration.ofSeconds(2)))
                .filteredOn(r -> number.equals(r.key())).hasSize(1);
    }

    @Test
    void refusesTheSameKeyWithAnotherBody() {
        String key = "key-" + UUID.randomUUID();
        submit(key, BODY);

        var other = submit(key, BODY.replace("M01200", "M03900"));

        assertThat(other.getStatusCode().value()).isEqualTo(409);
        assertThat(json.readTree(other.getBody()).get("code").asString()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
    }

    @Test
    void followsReviewToADecisionOnceEvenWhenEventsAreRedelivered() throws Exception {
        String number = json.readTree(submit("key-" + UUID.randomUUID(), BODY).getBody()).get("applicationNumber").asString();
        var started = new ReviewStarted(UUID.randomUUID(), 1, Instant.now(), number, "659006", Instant.now());
        var decided = new ApplicationDecided(UUID.randomUUID(), 1, Instant.now(), number, "659006", "M01200", "血友病",
                DecisionOutcome.APPROVED, List.of("材料齐全"), "expert-1", Instant.now().plusSeconds(1),
                new Recipient(null, cipher.seal("13800138000", SealedField.PHONE.context(number)), "张*",
                        "138****8000"));

        for (int i = 0; i < 2; i++) {
            kafka.send(Topics.REVIEW_STARTED, number, json.writeValueAsString(started));
            kafka.send(Topics.APPLICATION_DECIDED, number, json.writeValueAsString(decided));
        }

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode application = json.readTree(http.get().uri("/api/v1/applications/{n}", number)
                    .retrieve().body(String.class));
            assertThat(application.get("status").asString()).isEqualTo("APPROVED");
            assertThat(application.get("timeline").valueStream().map(e -> e.get("status").asString()).toList())
                    .containsExactly("SUBMITTED", "UNDER_REVIEW", "APPROVED");
        });
    }

    @Test
    void parksAPoisonMessageOnTheDeadLetterTopicAndGoesOn() throws Exception {
        kafka.send(Topics.APPLICATION_DECIDED, "659006-20000101-000000", "{not json");
        String number = json.readTree(submit("key-" + UUID.randomUUID(), BODY).getBody()).get("applicationNumber").asString();
        var started = new ReviewStarted(UUID.randomUUID(), 1, Instant.now(), number, "659006", Instant.now());
        kafka.send(Topics.REVIEW_STARTED, number, json.writeValueAsString(started));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                kafka.readAll(Topics.deadLetter(Topics.APPLICATION_DECIDED, "intake-service"), Duration.ofSeconds(1)))
                .extracting(r -> r.value()).contains("{not json"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(json.readTree(http.get()
                .uri("/api/v1/applications/{n}", number).retrieve().body(String.class)).get("status").asString())
                .isEqualTo("UNDER_REVIEW"));
    }

    @Test
    void reportsHealthUpAgainstTheBrokerAndMongoAndWhatStandsBehindItOnlyToOps() {
        String open = http.get().uri("/actuator/health").retrieve().body(String.class);
        JsonNode health = json.readTree(open);

        assertThat(health.get("status").asString()).isEqualTo("UP");
        assertThat(health.get("components").get("mongo").get("status").asString()).isEqualTo("UP");
        JsonNode catalog = health.get("components").get("catalog");
        assertThat(catalog.get("status").asString()).as("the region published in @BeforeAll is held").isEqualTo("UP");
        assertThat(open).as("no details for a caller without role OPS")
                .doesNotContain("details", "regions", "topicsInUse", "path");
        assertThat(http.get().uri("/actuator/health/ops").retrieve()
                .onStatus(HttpStatusCode::isError, (request, response) -> { }).toEntity(String.class)
                .getStatusCode().value()).as("an applicant's token").isEqualTo(403);
        JsonNode ops = json.readTree(http.get().uri("/actuator/health/ops")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestTokens.ops())).retrieve().body(String.class));
        assertThat(ops.get("status").asString()).isEqualTo("UP");
        assertThat(ops.get("components").get("catalog").get("details").get("regions").asLong()).isPositive();
    }

    @Test
    void applicationsSealedUnderKeyOneAndKeyTwoBothReadAndReEncryptionMovesThemAllToKeyTwo() {
        String first = json.readTree(submit("key-" + UUID.randomUUID(), BODY).getBody()).get("applicationNumber")
                .asString();
        String before = personalData(false).get("currentKey").asString();

        String current = personalData(true).get("currentKey").asString();
        String second = json.readTree(submit("key-" + UUID.randomUUID(), BODY.replace("M01200", "M03900")).getBody())
                .get("applicationNumber").asString();

        assertThat(current).isNotEqualTo(before);
        assertThat(FieldCipher.keyIdOf(storedPhone(first))).isEqualTo(before);
        assertThat(FieldCipher.keyIdOf(storedPhone(second))).isEqualTo(current);
        for (String number : List.of(first, second)) {
            JsonNode read = json.readTree(http.get().uri("/api/v1/applications/{n}", number).retrieve().body(String.class));
            assertThat(read.get("conditionSummary").asString()).isEqualTo("血友病A型，需长期替代治疗");
        }

        JsonNode moving = personalData(null);
        JsonNode settled = personalData(null);

        assertThat(moving.get("collections").get(0).get("resealed").asInt()).isPositive();
        assertThat(settled.get("collections").get(0).get("resealed").asInt()).isZero();
        assertThat(settled.get("collections").get(0).get("completedKey").asString()).isEqualTo(current);
        for (var document : mongo.getCollection("applications").find()) {
            var applicant = document.get("applicant", org.bson.Document.class);
            for (String value : List.of(applicant.getString("idNumber"), applicant.getString("name"),
                    applicant.getString("phone"), document.getString("conditionSummary"))) {
                assertThat(FieldCipher.keyIdOf(value)).as(document.getString("_id")).isEqualTo(current);
            }
        }
        JsonNode read = json.readTree(http.get().uri("/api/v1/applications/{n}", first).retrieve().body(String.class));
        assertThat(read.get("conditionSummary").asString()).isEqualTo("血友病A型，需长期替代治疗");
    }

    private String storedPhone(String number) {
        return mongo.getCollection("applications").find(new org.bson.Document("_id", number)).first()
                .get("applicant", org.bson.Document.class).getString("phone");
    }

    /** GET /actuator/personaldata for null, else POST: runs the due passes, first rotating when asked. */
    private JsonNode personalData(Boolean rotate) {
        var ops = TestTokens.bearer(TestTokens.ops());
        String body = Boolean.FALSE.equals(rotate)
                ? http.get().uri("/actuator/personaldata").header(HttpHeaders.AUTHORIZATION, ops).retrieve()
                        .body(String.class)
                : http.post().uri("/actuator/personaldata").header(HttpHeaders.AUTHORIZATION, ops)
                        .contentType(MediaType.APPLICATION_JSON).body(rotate == null ? "{}" : "{\"rotate\": true}")
                        .retrieve().body(String.class);
        return json.readTree(body);
    }

    @Test
    void countsSubmittedApplicationsForPrometheus() {
        submit("key-" + UUID.randomUUID(), BODY);

        String metrics = http.get().uri("/actuator/prometheus")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestTokens.ops())).retrieve().body(String.class);

        assertThat(metrics).containsPattern("intake_applications_submitted_total\\{.*region=\"659006\".*} [1-9]");
    }

    org.springframework.http.ResponseEntity<String> submit(String key, String body) {
        return submit(key, body, ZHANG);
    }

    org.springframework.http.ResponseEntity<String> submit(String key, String body, String token) {
        return http.post().uri("/api/v1/applications").contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", key).header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(token))
                .body(body).retrieve().toEntity(String.class);
    }

    org.springframework.http.ResponseEntity<String> submitAsChannel(String key, String body, String paasid,
            String region) {
        return post(key, body, TestTokens.channel(paasid, region), ChannelRequests.signed(paasid, body));
    }

    org.springframework.http.ResponseEntity<String> post(String key, String body, String token,
            Map<String, String> signature) {
        return http.post().uri("/api/v1/applications").contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", key).header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(token))
                .headers(headers -> signature.forEach(headers::set))
                .body(body).retrieve().toEntity(String.class);
    }

    org.springframework.http.ResponseEntity<String> readAsChannel(String number, String paasid, String region) {
        return http.get().uri("/api/v1/applications/{n}", number)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestTokens.channel(paasid, region)))
                .headers(headers -> ChannelRequests.signed(paasid, "").forEach(headers::set))
                .retrieve().toEntity(String.class);
    }

    org.springframework.http.ResponseEntity<String> read(String number, String token) {
        return http.get().uri("/api/v1/applications/{n}", number)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(token)).retrieve().toEntity(String.class);
    }

    @Test
    void documentsEveryEndpointInItsOpenApiDocumentServedWithoutAToken(
            @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) {
        ApiDocumentation.assertComplete(port, mappings, 9);
    }
}
