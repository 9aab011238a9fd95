package org.mtb.review.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mtb.contracts.Channel;
import org.mtb.contracts.DiseaseCategory;
import org.mtb.contracts.InsuranceType;
import org.mtb.contracts.SealedField;
import org.mtb.contracts.Topics;
import org.mtb.contracts.intake.Applicant;
import org.mtb.contracts.intake.ApplicationSubmitted;
import org.mtb.contracts.intake.Hospital;
import org.mtb.contracts.review.ApplicationDecided;
import org.mtb.contracts.review.DecisionOutcome;
import org.mtb.contracts.review.SlaBreached;
import org.mtb.review.TestCatalogs;
import org.mtb.stack.KafkaTestClient;
import org.mtb.support.apidocs.ApiDocumentation;
import org.mtb.support.crypto.BlindIndex;
import org.mtb.support.crypto.FieldCipher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.mtb.support.security.Role;
import org.mtb.support.security.SignedInRequests;
import org.mtb.support.security.TestTokens;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Review over real sockets: a submission opens a case, a decision goes out once, keyed by application number. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "review.metrics-refresh-interval=300ms")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ReviewFlowScenario {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

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
    void connect() {
        http = RestClient.builder().baseUrl("http://127.0.0.1:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, TestTokens.bearer(SignedInRequests.everyRole()))
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { }).build();
        kafka = new KafkaTestClient(bootstrapServers());
    }

    @AfterAll
    void disconnect() {
        kafka.close();
    }

    @Test
    void opensOneCasePerApplicationEvenWhenTheSubmissionIsRedelivered() throws Exception {
        ApplicationSubmitted submitted = submitted();
        for (int i = 0; i < 3; i++) {
            kafka.send(Topics.APPLICATION_SUBMITTED, submitted.applicationNumber(), json.writeValueAsString(submitted));
        }

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(openCases("659006"))
                .anyMatch(c -> c.get("applicationNumber").asString().equals(submitted.applicationNumber())));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                kafka.readAll(Topics.REVIEW_STARTED, Duration.ofSeconds(1)))
                .filteredOn(r -> submitted.applicationNumber().equals(r.key())).hasSize(1));
        assertThat(openCases("659006")).filteredOn(c -> c.get("applicationNumber").asString()
                .equals(submitted.applicationNumber())).hasSize(1);
    }

    @Test
    void parksAnUnreadableSubmissionOnTheDeadLetterTopicAndOpensTheCasesAroundIt() throws Exception {
        ApplicationSubmitted before = submitted();
        ApplicationSubmitted after = submitted();
        // One key, so one partition: the three records come in order, most likely in one poll.
        String key = before.applicationNumber();
        kafka.send(Topics.APPLICATION_SUBMITTED, key, json.writeValueAsString(before));
        kafka.send(Topics.APPLICATION_SUBMITTED, key, "{not json");
        kafka.send(Topics.APPLICATION_SUBMITTED, key, json.writeValueAsString(after));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(openCases("659006"))
                .extracting(c -> c.get("applicationNumber").asString())
                .contains(before.applicationNumber(), after.applicationNumber()));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(kafka.readAll(
                Topics.deadLetter(Topics.APPLICATION_SUBMITTED, "review-service"), Duration.ofSeconds(1)))
                .extracting(r -> r.value()).containsExactly("{not json"));
    }

    @Test
    void publishesTheDecisionOnceAndRefusesASecondOne() throws Exception {
        ApplicationSubmitted submitted = submitted();
        String number = submitted.applicationNumber();
        kafka.send(Topics.APPLICATION_SUBMITTED, number, json.writeValueAsString(submitted));
        await().atMost(Duration.ofSeconds(20)).until(() -> get("/api/v1/review-cases/" + number).getStatusCode().value() == 200);

        var first = decide(number, "{\"outcome\":\"REJECTED\",\"reasons\":[\"病历资料超过一年\"]}");
        var second = decide(number, "{\"outcome\":\"APPROVED\"}");

        assertThat(first.getStatusCode().value()).isEqualTo(200);
        assertThat(json.readTree(first.getBody()).get("status").asString()).isEqualTo("REJECTED");
        assertThat(second.getStatusCode().value()).isEqualTo(409);
        assertThat(json.readTree(second.getBody()).get("code").asString()).isEqualTo("CASE_ALREADY_DECIDED");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            var decisions = kafka.readAll(Topics.APPLICATION_DECIDED, Duration.ofSeconds(1)).stream()
                    .filter(r -> number.equals(r.key())).toList();
            assertThat(decisions).hasSize(1);
            ApplicationDecided decided = json.readValue(decisions.getFirst().value(), ApplicationDecided.class);
            assertThat(decided.outcome()).isEqualTo(DecisionOutcome.REJECTED);
            assertThat(decided.reasons()).containsExactly("病历资料超过一年");
            assertThat(decided.schemaVersion()).isEqualTo(2);
            assertThat(decided.recipient().phone()).as("passed on as intake sealed it")
                    .isEqualTo(submitted.applicant().phone());
            assertThat(decided.recipient().maskedName()).isEqualTo("张*");
            assertThat(decided.recipient().maskedPhone()).isEqualTo("138****8000");
            assertThat(decided.recipient().name()).isNull();
            assertThat(decisions.getFirst().value()).doesNotContain("13800138000", "张三");
            assertThat(decided.reviewerId()).as("the token's subject").isEqualTo("test-caller");
        });
        assertThat(openCases("659006")).noneMatch(c -> c.get("applicationNumber").asString().equals(number));
    }

    @Test
    void keepsTheCaseSealedShowsItMaskedAndOpensItsPersonalDataOnlyForAStatedPurposeRecordedFirst() throws Exception {
        ApplicationSubmitted submitted = submitted();
        String number = submitted.applicationNumber();
        kafka.send(Topics.APPLICATION_SUBMITTED, number, json.writeValueAsString(submitted));
        await().atMost(Duration.ofSeconds(20)).until(() -> get("/api/v1/review-cases/" + number).getStatusCode().value() == 200);

        JsonNode shown = json.readTree(get("/api/v1/review-cases/" + number).getBody());
        assertThat(shown.get("applicant").get("name").asString()).isEqualTo("张*");
        assertThat(shown.get("conditionSummary").asString()).as("opened to show the reviewer").isEqualTo("血友病A型");
        String stored = mongo.getCollection("review_cases").find(new org.bson.Document("_id", number)).first().toJson();
        assertThat(stored).doesNotContain("11010519491231002X", "张三", "13800138000", "血友病A型");

        String reviewer = TestTokens.staff(Role.REVIEWER, "reviewer-659006", "659006");
        assertThat(openPersonalData(number, "{}", reviewer).getStatusCode().value()).isEqualTo(400);
        assertThat(json.readTree(openPersonalData(number, "{\"purpose\": \" \"}", reviewer).getBody()).get("code")
                .asString()).isEqualTo("PURPOSE_REQUIRED");
        assertThat(openPersonalData(number, "{\"purpose\": \"核对\"}",
                TestTokens.staff(Role.REVIEWER, "reviewer-620900", "620900")).getStatusCode().value())
                .as("another region's reviewer").isEqualTo(404);
        assertThat(openPersonalData(number, "{\"purpose\": \"核对\"}",
                TestTokens.staff(Role.HOTLINE, "hotline-659006", "659006")).getStatusCode().value()).isEqualTo(403);
        assertThat(http.get().uri("/api/v1/review-cases/" + number + "/personal-data-access")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestTokens.staff(Role.SUPERVISOR, "s", "659006")))
                .retrieve().body(String.class)).as("nothing opened by the refused calls").isEqualTo("[]");

        var opened = openPersonalData(number, "{\"purpose\": \"核对身份证件与诊断证明姓名一致\"}", reviewer);

        assertThat(opened.getStatusCode().value()).isEqualTo(200);
        assertThat(opened.getHeaders().getCacheControl()).contains("no-store");
        JsonNode clear = json.readTree(opened.getBody());
        assertThat(clear.get("idNumber").asString()).isEqualTo("11010519491231002X");
        assertThat(clear.get("name").asString()).isEqualTo("张三");
        assertThat(clear.get("phone").asString()).isEqualTo("13800138000");
        JsonNode access = json.readTree(http.get().uri("/api/v1/review-cases/" + number + "/personal-data-access")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestTokens.staff(Role.SUPERVISOR, "s", "659006")))
                .retrieve().body(String.class));
        assertThat(access).singleElement().satisfies(entry -> {
            assertThat(entry.get("id").asString()).isEqualTo(clear.get("accessId").asString());
            assertThat(entry.get("username").asString()).isEqualTo("reviewer-659006");
            assertThat(entry.get("purpose").asString()).isEqualTo("核对身份证件与诊断证明姓名一致");
            assertThat(entry.get("record").asString()).isEqualTo(number);
        });
        assertThat(http.get().uri("/api/v1/review-cases/" + number + "/personal-data-access")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(reviewer)).retrieve().toEntity(String.class)
                .getStatusCode().value()).as("the trail is for supervisors").isEqualTo(403);
        assertThat(get("/actuator/prometheus", TestTokens.ops()).getBody())
                .containsPattern("mtb_personal_data_opened_total\\{.*service=\"review-service\".*} [1-9]");
    }

    @Test
    void aReviewerNarrowedToAnInstitutionListsReadsAndDecidesOnlyTheCasesItDiagnosed() throws Exception {
        ApplicationSubmitted ours = submitted("H65900600001");
        ApplicationSubmitted theirs = submitted("H65900600002");
        ApplicationSubmitted unnamed = submitted(null);
        for (ApplicationSubmitted s : List.of(ours, theirs, unnamed)) {
            kafka.send(Topics.APPLICATION_SUBMITTED, s.applicationNumber(), json.writeValueAsString(s));
        }
        for (ApplicationSubmitted s : List.of(ours, theirs, unnamed)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> get("/api/v1/review-cases/" + s.applicationNumber())
                    .getStatusCode().value() == 200);
        }
        String hospital = TestTokens.token("reviewer-h1").roles(Role.REVIEWER).regions("659006")
                .claim("institution", "H65900600001").claim("azp", "mtb-cli").sign();

        List<String> listed = json.readTree(get("/api/v1/review-cases?regionCode=659006", hospital).getBody())
                .valueStream().map(c -> c.get("applicationNumber").asString()).toList();

        assertThat(listed).contains(ours.applicationNumber())
                .doesNotContain(theirs.applicationNumber(), unnamed.applicationNumber());
        assertThat(get("/api/v1/review-cases/" + theirs.applicationNumber(), hospital).getStatusCode().value())
                .isEqualTo(404);
        assertThat(decideAs(theirs.applicationNumber(), hospital).getStatusCode().value()).isEqualTo(404);
        assertThat(decideAs(unnamed.applicationNumber(), hospital).getStatusCode().value()).isEqualTo(404);
        assertThat(decideAs(ours.applicationNumber(), hospital).getStatusCode().value()).isEqualTo(200);
        assertThat(get("/api/v1/review-cases/" + theirs.applicationNumber(),
                TestTokens.staff(Role.REVIEWER, "reviewer-659006", "659006")).getStatusCode().value())
                .as("the region's own reviewers see every case").isEqualTo(200);
    }

    private ResponseEntity<String> decideAs(String number, String token) {
        return http.post().uri("/api/v1/review-cases/" + number + "/decision")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(token)).contentType(MediaType.APPLICATION_JSON)
                .body("{\"outcome\":\"APPROVED\"}").retrieve().toEntity(String.class);
    }

    @Test
    void opensACaseFromASchemaOneEventInClearAndSendsItsDecisionSealed() throws Exception {
        ApplicationSubmitted sealed = submitted();
        String number = sealed.applicationNumber();
        ApplicationSubmitted clear = new ApplicationSubmitted(sealed.eventId(), 1, sealed.occurredAt(), number,
                "659006", "M01200", "血友病", DiseaseCategory.SPECIAL,
                new Applicant("11010519491231002X", "张三", "13800138000", InsuranceType.RESIDENT, null, null),
                new Hospital("第二师医院", 3, null), "血友病A型", Channel.APP, sealed.submittedAt(), null);
        kafka.send(Topics.APPLICATION_SUBMITTED, number, json.writeValueAsString(clear));
        await().atMost(Duration.ofSeconds(20)).until(() -> get("/api/v1/review-cases/" + number).getStatusCode().value() == 200);

        assertThat(json.readTree(get("/api/v1/review-cases/" + number).getBody()).get("applicant").get("phone")
                .asString()).isEqualTo("138****8000");
        decide(number, "{\"outcome\":\"APPROVED\"}");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            var decisions = kafka.readAll(Topics.APPLICATION_DECIDED, Duration.ofSeconds(1)).stream()
                    .filter(r -> number.equals(r.key())).toList();
            assertThat(decisions).hasSize(1);
            ApplicationDecided decided = json.readValue(decisions.getFirst().value(), ApplicationDecided.class);
            assertThat(cipher.open(decided.recipient().phone(), SealedField.PHONE.context(number)))
                    .isEqualTo("13800138000");
            assertThat(decided.recipient().maskedName()).isEqualTo("张*");
            assertThat(decided.recipient().maskedPhone()).isEqualTo("138****8000");
        });
    }

    private ResponseEntity<String> openPersonalData(String number, String body, String token) {
        return http.post().uri("/api/v1/review-cases/" + number + "/personal-data")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(token)).contentType(MediaType.APPLICATION_JSON)
                .body(body).retrieve().toEntity(String.class);
    }

    @Test
    void givesEachCaseItsRegionsDeadlineSortsTheQueueByItAndWarnsAndBreachesOnce() throws Exception {
        kafka.send(Topics.CATALOG_PUBLISHED, "620900", json.writeValueAsString(TestCatalogs.catalog("620900")));
        ApplicationSubmitted later = chronic("620900", Instant.parse("2025-09-26T02:00:00Z"));
        ApplicationSubmitted earlier = chronic("620900", Instant.parse("2025-09-01T02:00:00Z"));
        kafka.send(Topics.APPLICATION_SUBMITTED, later.applicationNumber(), json.writeValueAsString(later));
        kafka.send(Topics.APPLICATION_SUBMITTED, earlier.applicationNumber(), json.writeValueAsString(earlier));

        // 20 working days from Friday 2025-09-26 (National Day week off, 09-28 and 10-11 worked): 2025-10-30, at
        // the end of the default working hours (17:30 in Shanghai).
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode c = json.readTree(get("/api/v1/review-cases/" + later.applicationNumber()).getBody());
            assertThat(c.path("sla").path("dueAt").asString()).isEqualTo("2025-10-30T09:30:00Z");
            assertThat(c.path("catalogVersion").asString()).isEqualTo("2025.1");
        });
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            var breaches = kafka.readAll(Topics.SLA_BREACHED, Duration.ofSeconds(1)).stream()
                    .filter(r -> later.applicationNumber().equals(r.key())).toList();
            assertThat(breaches).hasSize(1);
            SlaBreached breach = json.readValue(breaches.getFirst().value(), SlaBreached.class);
            assertThat(breach.dueAt()).isEqualTo(Instant.parse("2025-10-30T09:30:00Z"));
            assertThat(breach.catalogVersion()).isEqualTo("2025.1");
            assertThat(kafka.readAll(Topics.SLA_WARNING, Duration.ofSeconds(1)))
                    .filteredOn(r -> later.applicationNumber().equals(r.key())).hasSize(1);
        });
        List<String> queue = openCases("620900").stream().map(c -> c.get("applicationNumber").asString()).toList();
        assertThat(queue).containsSubsequence(earlier.applicationNumber(), later.applicationNumber());
        JsonNode breached = json.readTree(get("/api/v1/review-cases/" + later.applicationNumber()).getBody());
        assertThat(breached.path("sla").path("state").asString()).isEqualTo("BREACHED");
        assertThat(java.time.Duration.parse(breached.path("sla").path("workingTimeLeft").asString())).isNegative();
        assertThat(get("/actuator/prometheus").getBody())
                .containsPattern("review_sla_breaches_total\\{.*region=\"620900\".*} [1-9]");
    }

    @Test
    void computesAProvisionalDeadlineAfreshWhenTheYearsScheduleIsLoaded() throws Exception {
        String region = "990003";
        kafka.send(Topics.CATALOG_PUBLISHED, region, json.writeValueAsString(TestCatalogs.catalog(region)));
        ApplicationSubmitted submitted = chronic(region, Instant.parse("2027-01-04T02:00:00Z"));
        kafka.send(Topics.APPLICATION_SUBMITTED, submitted.applicationNumber(), json.writeValueAsString(submitted));

        // No 2027 schedule yet: counted by weekends only from Tuesday 5 January, 20 working days end on 1 February.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode sla = json.readTree(get("/api/v1/review-cases/" + submitted.applicationNumber()).getBody())
                    .path("sla");
            assertThat(sla.path("dueAt").asString()).isEqualTo("2027-02-01T09:30:00Z");
            assertThat(sla.path("provisional").asBoolean()).isTrue();
            assertThat(get("/actuator/prometheus").getBody())
                    .contains("review_deadlines_provisional_open{application=\"review-service\",region=\"990003\"} 1.0");
        });

        kafka.send(Topics.CALENDAR_PUBLISHED, region, json.writeValueAsString(TestCatalogs.only2027(region, 1)));

        // With 5 to 8 January off, counting starts on 11 January and ends on Friday 5 February.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode sla = json.readTree(get("/api/v1/review-cases/" + submitted.applicationNumber()).getBody())
                    .path("sla");
            assertThat(sla.path("dueAt").asString()).isEqualTo("2027-02-05T09:30:00Z");
            assertThat(sla.path("provisional").asBoolean()).isFalse();
            assertThat(get("/actuator/prometheus").getBody())
                    .contains("review_deadlines_provisional_open{application=\"review-service\",region=\"990003\"} 0.0")
                    .contains("review_cases_open{application=\"review-service\",region=\"990003\",sla_state=\"ON_TIME\"} 1.0")
                    .contains("review_catalog_version_in_force{application=\"review-service\",region=\"990003\",version=\"2025.1\"} 1.0");
        });
    }

    @Test
    void answersADecisionOnAnUnknownCaseWith404() {
        var response = decide("659006-19990101-000001", "{\"outcome\":\"APPROVED\"}");

        assertThat(response.getStatusCode().value()).isEqualTo(404);
        assertThat(json.readTree(response.getBody()).get("code").asString()).isEqualTo("CASE_NOT_FOUND");
    }

    @Test
    void reportsHealthUpAndCountsDecisions() throws Exception {
        ApplicationSubmitted submitted = submitted();
        kafka.send(Topics.APPLICATION_SUBMITTED, submitted.applicationNumber(), json.writeValueAsString(submitted));
        await().atMost(Duration.ofSeconds(20)).until(() ->
                get("/api/v1/review-cases/" + submitted.applicationNumber()).getStatusCode().value() == 200);
        decide(submitted.applicationNumber(), "{\"outcome\":\"APPROVED\"}");

        JsonNode health = json.readTree(get("/actuator/health").getBody());
        assertThat(health.get("status").asString()).isEqualTo("UP");
        assertThat(health.get("components").get("mongo").get("status").asString()).isEqualTo("UP");
        assertThat(get("/actuator/prometheus").getBody())
                .containsPattern("review_decisions_made_total\\{.*outcome=\"APPROVED\".*} [1-9]");
    }

    @Test
    void aReviewerSeesListsAndDecidesOnlyTheCasesOfTheRegionsInTheToken() throws Exception {
        ApplicationSubmitted submitted = submitted();
        String number = submitted.applicationNumber();
        kafka.send(Topics.APPLICATION_SUBMITTED, number, json.writeValueAsString(submitted));
        await().atMost(Duration.ofSeconds(20)).until(() -> get("/api/v1/review-cases/" + number).getStatusCode().value() == 200);
        String elsewhere = TestTokens.staff(Role.REVIEWER, "reviewer-620900", "620900");
        String here = TestTokens.staff(Role.REVIEWER, "reviewer-659006", "659006");

        assertThat(get("/api/v1/review-cases/" + number, elsewhere).getStatusCode().value()).isEqualTo(404);
        assertThat(json.readTree(get("/api/v1/review-cases?status=OPEN", elsewhere).getBody()).valueStream()
                .map(c -> c.get("regionCode").asString()).distinct()).doesNotContain("659006");
        assertThat(json.readTree(get("/api/v1/review-cases?regionCode=659006", elsewhere).getBody())).isEmpty();
        var refused = decide(number, "{\"outcome\":\"APPROVED\"}", elsewhere);
        assertThat(refused.getStatusCode().value()).isEqualTo(404);
        assertThat(json.readTree(refused.getBody()).get("code").asString()).isEqualTo("CASE_NOT_FOUND");
        var named = decide(number, "{\"outcome\":\"APPROVED\",\"reviewerId\":\"someone-else\"}", here);
        assertThat(named.getStatusCode().value()).isEqualTo(400);
        assertThat(json.readTree(named.getBody()).get("errors").get(0).get("code").asString())
                .isEqualTo("NOT_ACCEPTED");

        var decided = decide(number, "{\"outcome\":\"APPROVED\"}", here);

        assertThat(decided.getStatusCode().value()).isEqualTo(200);
        assertThat(json.readTree(decided.getBody()).get("decision").get("reviewerId").asString())
                .isEqualTo("reviewer-659006");
    }

    @Test
    void noTokenIsRefusedAndPrometheusIsForOps() {
        var anonymous = RestClient.builder().baseUrl("http://127.0.0.1:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { }).build();

        assertThat(anonymous.get().uri("/api/v1/review-cases").retrieve().toEntity(String.class).getStatusCode()
                .value()).isEqualTo(401);
        var health = anonymous.get().uri("/actuator/health").retrieve().toEntity(String.class);
        assertThat(health.getStatusCode().value()).isEqualTo(200);
        assertThat(health.getBody()).contains("\"mongo\"").doesNotContain("details");
        assertThat(anonymous.get().uri("/actuator/health/ops").retrieve().toEntity(String.class).getStatusCode()
                .value()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", TestTokens.staff(Role.REVIEWER, "r", "659006")).getStatusCode()
                .value()).isEqualTo(403);
    }

    private ApplicationSubmitted submitted() {
        return submitted(null);
    }

    /** A submission diagnosed at the hospital with this institution code (定点医药机构编号), or one naming none. */
    private ApplicationSubmitted submitted(String hospitalCode) {
        String number = "659006-20261123-%06d".formatted(SEQUENCE.incrementAndGet() + 1000 * (port % 100));
        Instant now = Instant.now();
        return new ApplicationSubmitted(UUID.randomUUID(), 2, now, number, "659006", "M01200", "血友病",
                DiseaseCategory.SPECIAL, sealedApplicant(number, InsuranceType.RESIDENT),
                new Hospital("第二师医院", 3, hospitalCode),
                cipher.seal("血友病A型", SealedField.CONDITION_SUMMARY.context(number)), Channel.APP, now, null);
    }

    private ApplicationSubmitted chronic(String region, Instant submittedAt) {
        String number = region + "-20250926-%06d".formatted(SEQUENCE.incrementAndGet() + 1000 * (port % 100));
        return new ApplicationSubmitted(UUID.randomUUID(), 2, submittedAt, number, region, "M03900", "高血压",
                DiseaseCategory.CHRONIC, sealedApplicant(number, InsuranceType.EMPLOYEE),
                new Hospital("酒泉市人民医院", 3, null), cipher.seal("高血压", SealedField.CONDITION_SUMMARY.context(number)),
                Channel.APP, submittedAt, null);
    }

    /** Zhang San, sealed as intake seals him. */
    private Applicant sealedApplicant(String number, InsuranceType insuranceType) {
        return SealedApplicants.zhang(cipher, index, number, insuranceType);
    }

    private java.util.List<JsonNode> openCases(String region) {
        return json.readTree(get("/api/v1/review-cases?regionCode=" + region + "&status=OPEN").getBody())
                .valueStream().toList();
    }

    private ResponseEntity<String> get(String uri) {
        return http.get().uri(uri).retrieve().toEntity(String.class);
    }

    private ResponseEntity<String> decide(String number, String body) {
        return http.post().uri("/api/v1/review-cases/{n}/decision", number).contentType(MediaType.APPLICATION_JSON)
                .body(body).retrieve().toEntity(String.class);
    }

    private ResponseEntity<String> decide(String number, String body, String token) {
        return http.post().uri("/api/v1/review-cases/{n}/decision", number).contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(token)).body(body).retrieve()
                .toEntity(String.class);
    }

    private ResponseEntity<String> get(String uri, String token) {
        return http.get().uri(uri).header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(token)).retrieve()
                .toEntity(String.class);
    }

    @Test
    void documentsEveryEndpointInItsOpenApiDocumentServedWithoutAToken(
            @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) {
        ApiDocumentation.assertComplete(port, mappings, 21);
    }
}
