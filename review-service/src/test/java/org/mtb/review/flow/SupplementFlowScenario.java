package org.mtb.review.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
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
import org.mtb.contracts.catalog.CatalogDisease;
import org.mtb.contracts.catalog.CatalogPublished;
import org.mtb.contracts.catalog.EffectiveDateRule;
import org.mtb.contracts.catalog.MaterialRequirement;
import org.mtb.contracts.catalog.Period;
import org.mtb.contracts.catalog.RegionPolicy;
import org.mtb.contracts.catalog.ReviewTimeLimit;
import org.mtb.contracts.intake.Applicant;
import org.mtb.contracts.intake.ApplicationSubmitted;
import org.mtb.contracts.intake.ApplicationSupplemented;
import org.mtb.contracts.intake.ApplicationWithdrawn;
import org.mtb.contracts.intake.Hospital;
import org.mtb.contracts.intake.SuppliedMaterial;
import org.mtb.contracts.review.Recipient;
import org.mtb.contracts.review.ReviewStarted;
import org.mtb.contracts.review.SupplementLapsed;
import org.mtb.contracts.review.SupplementRequested;
import org.mtb.review.timer.DueTimer;
import org.mtb.review.timer.DueTimerHandler;
import org.mtb.stack.KafkaTestClient;
import org.mtb.support.crypto.BlindIndex;
import org.mtb.support.crypto.FieldCipher;
import org.mtb.support.security.SignedInRequests;
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
 * Supplements (补正) and withdrawals over real sockets: a reviewer returns a case, the applicant's supplement reopens
 * it with the deadline its region's policy gives, an unanswered request closes it, a withdrawal closes it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SupplementFlowScenario {

    /** Restarts the clock after a supplement, as Liupanshui does. */
    static final String RESTARTS = "520200";
    /** Resumes the clock with the working time left. */
    static final String RESUMES = "620900";
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
    List<DueTimerHandler> handlers;

    RestClient http;
    KafkaTestClient kafka;

    abstract String bootstrapServers();

    @BeforeAll
    void connect() throws Exception {
        http = RestClient.builder().baseUrl("http://127.0.0.1:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, TestTokens.bearer(SignedInRequests.everyRole()))
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { }).build();
        kafka = new KafkaTestClient(bootstrapServers());
        kafka.send(Topics.CATALOG_PUBLISHED, RESTARTS, json.writeValueAsString(catalog(RESTARTS, true)));
        kafka.send(Topics.CATALOG_PUBLISHED, RESUMES, json.writeValueAsString(catalog(RESUMES, false)));
    }

    @AfterAll
    void disconnect() {
        kafka.close();
    }

    @Test
    void returnsACaseWithEveryItemAtOnceStopsItsClockAndReopensItWhenSupplemented() throws Exception {
        ApplicationSubmitted submitted = opened(RESUMES);
        String number = submitted.applicationNumber();
        JsonNode before = json.readTree(get("/api/v1/review-cases/" + number).getBody());

        var refused = request(number, """
                {"items":[{"type":"X_RAY","reason":"缺"},{"type":"DIAGNOSIS_CERTIFICATE"},
                          {"type":"DIAGNOSIS_CERTIFICATE","reason":"重复"}]}""");
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(json.readTree(refused.getBody()).get("code").asString()).isEqualTo("INVALID_SUPPLEMENT_REQUEST");
        assertThat(json.readTree(refused.getBody()).get("errors").valueStream()
                .map(e -> e.get("field").asString() + " " + e.get("code").asString()).toList())
                .containsExactlyInAnyOrder("items[0].type UNKNOWN_MATERIAL_TYPE", "items[1].reason REQUIRED",
                        "items[2].type DUPLICATE_ITEM");
        assertThat(request(number, "{\"items\":[]}").getStatusCode().value()).isEqualTo(400);

        var returned = request(number, """
                {"items":[{"type":"DIAGNOSIS_CERTIFICATE","reason":"缺少医院公章"},
                          {"type":"BLOOD_PRESSURE_RECORD","reason":"未提供近三个月的监测记录"}]}""");
        assertThat(returned.getStatusCode().value()).as(returned.getBody()).isEqualTo(200);
        JsonNode waiting = json.readTree(returned.getBody());
        assertThat(waiting.get("status").asString()).isEqualTo("AWAITING_SUPPLEMENT");
        assertThat(waiting.get("supplementRounds").asInt()).isEqualTo(1);
        assertThat(request(number, "{\"items\":[{\"type\":\"ID_CARD\",\"reason\":\"模糊\"}]}").getStatusCode()
                .value()).as("one request at a time").isEqualTo(409);
        var decided = http.post().uri("/api/v1/review-cases/{n}/decision", number)
                .contentType(MediaType.APPLICATION_JSON).body("{\"outcome\":\"APPROVED\"}").retrieve()
                .toEntity(String.class);
        assertThat(json.readTree(decided.getBody()).get("code").asString()).isEqualTo("CASE_NOT_OPEN");

        SupplementRequested asked = await().atMost(Duration.ofSeconds(20)).until(
                () -> last(Topics.SUPPLEMENT_REQUESTED, number, SupplementRequested.class), e -> e != null);
        assertThat(asked.items()).extracting(i -> i.type() + " " + i.name() + " " + i.reason()).containsExactly(
                "DIAGNOSIS_CERTIFICATE 疾病诊断证明 缺少医院公章", "BLOOD_PRESSURE_RECORD 血压监测记录 未提供近三个月的监测记录");
        assertThat(asked.round()).isEqualTo(1);
        assertThat(asked.supplementDueAt()).as("the policy's 30 calendar days")
                .isEqualTo(asked.requestedAt().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS));
        assertThat(asked.recipient().phone()).as("passed on sealed").isEqualTo(submitted.applicant().phone());

        ApplicationSupplemented supplemented = supplemented(number, 1);
        kafka.send(Topics.APPLICATION_SUPPLEMENTED, number, json.writeValueAsString(supplemented));
        kafka.send(Topics.APPLICATION_SUPPLEMENTED, number, json.writeValueAsString(supplemented));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode reopened = json.readTree(get("/api/v1/review-cases/" + number).getBody());
            assertThat(reopened.get("status").asString()).isEqualTo("OPEN");
            assertThat(reopened.path("sla").path("revision").asLong()).isEqualTo(2);
            assertThat(reopened.path("supplements").get(0).path("supplied").get(0).path("type").asString())
                    .isEqualTo("DIAGNOSIS_CERTIFICATE");
        });
        List<String> started = await().atMost(Duration.ofSeconds(20)).until(() -> kafka.readAll(Topics.REVIEW_STARTED,
                Duration.ofSeconds(1)).stream().filter(r -> number.equals(r.key())).map(r -> r.value()).toList(),
                records -> records.size() == 2);
        ReviewStarted again = json.readValue(started.getLast(), ReviewStarted.class);
        assertThat(again.openedAt()).isEqualTo(supplemented.supplementedAt());
        assertThat(again.dueAt()).as("resumed with the working time left: later than before by the working time of the "
                + "pause (none, outside working hours)").isAfterOrEqualTo(before.path("sla").path("dueAt").asString());
        assertThat(request(number, "{\"items\":[{\"type\":\"ID_CARD\",\"reason\":\"模糊\"}]}").getStatusCode()
                .value()).as("a second round").isEqualTo(200);
    }

    @Test
    void aRegionThatRestartsTheClockGivesTheFullTimeLimitFromTheSupplement() throws Exception {
        String number = opened(RESTARTS).applicationNumber();
        request(number, "{\"items\":[{\"type\":\"ID_CARD\",\"reason\":\"模糊\"}]}");
        ApplicationSupplemented supplemented = supplemented(number, 1);
        kafka.send(Topics.APPLICATION_SUPPLEMENTED, number, json.writeValueAsString(supplemented));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode reopened = json.readTree(get("/api/v1/review-cases/" + number).getBody());
            assertThat(reopened.get("status").asString()).isEqualTo("OPEN");
            assertThat(Instant.parse(reopened.path("sla").path("startedAt").asString()))
                    .isEqualTo(supplemented.supplementedAt());
        });
    }

    @Test
    void closesACaseWhoseApplicantDidNotSupplementInTime() throws Exception {
        String number = opened(RESUMES).applicationNumber();
        request(number, "{\"items\":[{\"type\":\"ID_CARD\",\"reason\":\"模糊\"}]}");
        // The request's own timer falls due in 30 days and 10 minutes (the lapse grace): its handler is given it now,
        // as the poller would then; a timer of another moment for the same round (a request whose storing failed) is
        // stale and closes nothing.
        SupplementRequested asked = await().atMost(Duration.ofSeconds(20)).until(
                () -> last(Topics.SUPPLEMENT_REQUESTED, number, SupplementRequested.class), e -> e != null);
        DueTimerHandler lapses = handlers.stream().filter(h -> h.kinds().contains("SUPPLEMENT_LAPSE")).findFirst()
                .orElseThrow();
        Instant lapseAt = asked.supplementDueAt().plus(Duration.ofMinutes(10));
        assertThat(lapses.prepare(List.of(new DueTimer(number, "SUPPLEMENT_LAPSE", 1, asked.supplementDueAt())))
                .fire()).as("a timer of another moment").isEmpty();
        assertThat(lapses.prepare(List.of(new DueTimer(number, "SUPPLEMENT_LAPSE", 1, lapseAt))).fire()).hasSize(1);
        assertThat(lapses.prepare(List.of(new DueTimer(number, "SUPPLEMENT_LAPSE", 1, lapseAt))).fire())
                .as("fired once").isEmpty();

        SupplementLapsed lapsed = await().atMost(Duration.ofSeconds(30)).until(
                () -> last(Topics.SUPPLEMENT_LAPSED, number, SupplementLapsed.class), e -> e != null);
        assertThat(lapsed.round()).isEqualTo(1);
        JsonNode closed = json.readTree(get("/api/v1/review-cases/" + number).getBody());
        assertThat(closed.get("status").asString()).isEqualTo("NOT_SUPPLEMENTED");
        assertThat(closed.path("closing").path("status").asString()).isEqualTo("NOT_SUPPLEMENTED");
        kafka.send(Topics.APPLICATION_SUPPLEMENTED, number, json.writeValueAsString(supplemented(number, 1)));
        Thread.sleep(1500);
        assertThat(json.readTree(get("/api/v1/review-cases/" + number).getBody()).get("status").asString())
                .as("a supplement after the time ran out reopens nothing").isEqualTo("NOT_SUPPLEMENTED");
    }

    @Test
    void closesAWithdrawnCaseOnceAndLeavesADecidedOneDecided() throws Exception {
        String number = opened(RESUMES).applicationNumber();
        String decidedNumber = opened(RESUMES).applicationNumber();
        http.post().uri("/api/v1/review-cases/{n}/decision", decidedNumber).contentType(MediaType.APPLICATION_JSON)
                .body("{\"outcome\":\"APPROVED\"}").retrieve().toEntity(String.class);
        ApplicationWithdrawn withdrawn = withdrawn(number);
        kafka.send(Topics.APPLICATION_WITHDRAWN, number, json.writeValueAsString(withdrawn));
        kafka.send(Topics.APPLICATION_WITHDRAWN, number, json.writeValueAsString(withdrawn));
        kafka.send(Topics.APPLICATION_WITHDRAWN, decidedNumber, json.writeValueAsString(withdrawn(decidedNumber)));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode closed = json.readTree(get("/api/v1/review-cases/" + number).getBody());
            assertThat(closed.get("status").asString()).isEqualTo("WITHDRAWN");
            assertThat(closed.path("closing").path("reason").asString()).isEqualTo("已在线下办理");
            assertThat(closed.path("closing").path("eventId").asString()).isEqualTo(withdrawn.eventId().toString());
        });
        Thread.sleep(1000);
        assertThat(json.readTree(get("/api/v1/review-cases/" + decidedNumber).getBody()).get("status").asString())
                .isEqualTo("APPROVED");
        assertThat(request(number, "{\"items\":[{\"type\":\"ID_CARD\",\"reason\":\"模糊\"}]}").getStatusCode()
                .value()).isEqualTo(409);
    }

    @Test
    void aWithdrawalThatOvertakesItsSubmissionOpensTheCaseClosed() throws Exception {
        ApplicationSubmitted submitted = submitted(RESUMES);
        String number = submitted.applicationNumber();
        kafka.send(Topics.APPLICATION_WITHDRAWN, number, json.writeValueAsString(withdrawn(number)));
        Thread.sleep(1500);
        kafka.send(Topics.APPLICATION_SUBMITTED, number, json.writeValueAsString(submitted));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode c = json.readTree(get("/api/v1/review-cases/" + number).getBody());
            assertThat(c.path("status").asString()).isEqualTo("WITHDRAWN");
            assertThat(c.path("closing").path("reason").asString()).isEqualTo("已在线下办理");
        });
        assertThat(kafka.readAll(Topics.REVIEW_STARTED, Duration.ofSeconds(1))).as("no review started")
                .noneMatch(r -> number.equals(r.key()));
    }

    /** A chronic case of the region, opened and waiting. */
    private ApplicationSubmitted opened(String region) throws Exception {
        ApplicationSubmitted submitted = submitted(region);
        String number = submitted.applicationNumber();
        kafka.send(Topics.APPLICATION_SUBMITTED, number, json.writeValueAsString(submitted));
        await().atMost(Duration.ofSeconds(20)).until(() -> json.readTree(get("/api/v1/review-cases/" + number)
                .getBody()).path("sla").path("revision").asLong() == 1);
        return submitted;
    }

    /** A chronic application of the region, not sent yet. */
    private ApplicationSubmitted submitted(String region) {
        String number = region + "-20261130-%06d".formatted(SEQUENCE.incrementAndGet() + 1000 * (port % 100));
        Instant now = Instant.now();
        Applicant applicant = SealedApplicants.zhang(cipher, index, number, InsuranceType.EMPLOYEE);
        ApplicationSubmitted submitted = new ApplicationSubmitted(UUID.randomUUID(), 2, now, number, region, "M03900",
                "高血压", DiseaseCategory.CHRONIC, applicant, new Hospital("市人民医院", 3, null),
                cipher.seal("高血压", SealedField.CONDITION_SUMMARY.context(number)), Channel.APP, now, null);
        return submitted;
    }

    private ApplicationSupplemented supplemented(String number, int round) {
        return new ApplicationSupplemented(UUID.randomUUID(), 1, Instant.now(), number, number.substring(0, 6), round,
                List.of(new SuppliedMaterial("DIAGNOSIS_CERTIFICATE", List.of("m-1", "m-2"))),
                Instant.now().truncatedTo(ChronoUnit.MILLIS), null);
    }

    private ApplicationWithdrawn withdrawn(String number) {
        return new ApplicationWithdrawn(UUID.randomUUID(), 1, Instant.now(), number, number.substring(0, 6), "高血压",
                "已在线下办理", Instant.now().truncatedTo(ChronoUnit.MILLIS), null, new Recipient(null, null, "张*",
                        null));
    }

    /** A region with a 20-working-day limit for chronic diseases, materials, and 30 calendar days to supplement. */
    private static CatalogPublished catalog(String region, boolean restarts) {
        List<String> formats = List.of("JPG", "PNG", "PDF");
        RegionPolicy policy = new RegionPolicy(List.of(new ReviewTimeLimit(DiseaseCategory.CHRONIC,
                ReviewTimeLimit.Kind.WORKING_DAYS, BigDecimal.valueOf(20))), restarts, null,
                EffectiveDateRule.ON_APPROVAL, null, List.of(
                        new MaterialRequirement("ID_CARD", "身份证", MaterialRequirement.Requirement.MANDATORY, null,
                                null, null, formats, 5),
                        new MaterialRequirement("DIAGNOSIS_CERTIFICATE", "疾病诊断证明",
                                MaterialRequirement.Requirement.MANDATORY, null, 12, 2, formats, 5)),
                List.of(), null, new Period(30, Period.Unit.CALENDAR_DAYS));
        return new CatalogPublished(UUID.randomUUID(), CatalogPublished.SCHEMA_VERSION, Instant.now(), region, "测试市",
                "2025.1", LocalDate.of(2025, 1, 1), List.of(InsuranceType.EMPLOYEE),
                List.of(new CatalogDisease("M03900", "高血压", DiseaseCategory.CHRONIC, List.of(new MaterialRequirement(
                        "BLOOD_PRESSURE_RECORD", "血压监测记录", MaterialRequirement.Requirement.MANDATORY, null, null,
                        null, formats, 5)), null)), policy);
    }

    private <T> T last(String topic, String number, Class<T> type) {
        var records = kafka.readAll(topic, Duration.ofSeconds(1)).stream().filter(r -> number.equals(r.key())).toList();
        return records.isEmpty() ? null : json.readValue(records.getLast().value(), type);
    }

    private ResponseEntity<String> request(String number, String body) {
        return http.post().uri("/api/v1/review-cases/{n}/supplement-request", number)
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(String.class);
    }

    private ResponseEntity<String> get(String uri) {
        return http.get().uri(uri).retrieve().toEntity(String.class);
    }
}
