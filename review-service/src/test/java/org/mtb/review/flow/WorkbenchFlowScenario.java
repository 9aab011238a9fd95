package org.mtb.review.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
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
import org.mtb.contracts.catalog.Period;
import org.mtb.contracts.catalog.RegionPolicy;
import org.mtb.contracts.catalog.ReviewRules;
import org.mtb.contracts.catalog.ReviewTimeLimit;
import org.mtb.contracts.intake.Applicant;
import org.mtb.contracts.intake.ApplicationSubmitted;
import org.mtb.contracts.intake.Hospital;
import org.mtb.contracts.review.ApplicationDecided;
import org.mtb.contracts.review.ObjectionSettled;
import org.mtb.contracts.review.PublicNoticeStarted;
import org.mtb.contracts.review.QualificationGranted;
import org.mtb.review.timer.DueTimer;
import org.mtb.review.timer.DueTimerHandler;
import org.mtb.stack.KafkaTestClient;
import org.mtb.support.crypto.BlindIndex;
import org.mtb.support.crypto.FieldCipher;
import org.mtb.support.security.Role;
import org.mtb.support.security.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reviewer's workbench over real sockets: claims with leases and their races, the paged queue, decisions against
 * the region's reasons and checklist, and a Jiuquan-like region's public notice with an objection.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "review.claims.lease=PT5S")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class WorkbenchFlowScenario {

    /** Publicly notices approvals for 5 working days; effective after the notice; re-checked yearly. */
    static final String NOTICED = "620900";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String CHECKED_ALL = """
            "checklist":[{"code":"HOSPITAL_LEVEL_2","met":true},{"code":"STAMPED","met":true},
                         {"code":"BLOOD_PRESSURE_RECORD","met":true,"note":"近三月血压记录齐全"}]""";

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

    StaffRequests staff;
    KafkaTestClient kafka;
    final String reviewerA = TestTokens.bearer(TestTokens.staff(Role.REVIEWER, "reviewer-a", NOTICED));
    final String reviewerB = TestTokens.bearer(TestTokens.staff(Role.REVIEWER, "reviewer-b", NOTICED));
    final String supervisor = TestTokens.bearer(TestTokens.staff(Role.SUPERVISOR, "supervisor-620900", NOTICED));

    abstract String bootstrapServers();

    @BeforeAll
    void connect() throws Exception {
        staff = new StaffRequests(port);
        kafka = new KafkaTestClient(bootstrapServers());
        kafka.send(Topics.CATALOG_PUBLISHED, NOTICED, json.writeValueAsString(catalog()));
    }

    @AfterAll
    void disconnect() {
        kafka.close();
    }

    @Test
    void ofTwoReviewersClaimingAtOnceOneWinsAndOnlyTheHolderDecidesUntilASupervisorReassigns() throws Exception {
        String number = opened("M03900");
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<ResponseEntity<String>>> claims = new ArrayList<>();
        for (String reviewer : List.of(reviewerA, reviewerB)) {
            claims.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return post("/api/v1/review-cases/" + number + "/claim", null, reviewer);
            }));
        }
        start.countDown();
        List<Integer> statuses = claims.stream().map(f -> f.join().getStatusCode().value()).sorted().toList();
        assertThat(statuses).containsExactly(200, 409);
        ResponseEntity<String> lost = claims.stream().map(CompletableFuture::join)
                .filter(r -> r.getStatusCode().value() == 409).findFirst().orElseThrow();
        JsonNode refusal = json.readTree(lost.getBody());
        assertThat(refusal.get("code").asString()).isEqualTo("CASE_CLAIMED");
        String holder = refusal.get("heldBy").asString();
        assertThat(holder).isIn("reviewer-a", "reviewer-b");
        assertThat(Instant.parse(refusal.get("heldUntil").asString())).isAfter(Instant.now());
        String holderToken = holder.equals("reviewer-a") ? reviewerA : reviewerB;
        String otherToken = holder.equals("reviewer-a") ? reviewerB : reviewerA;

        ResponseEntity<String> otherDecides = post("/api/v1/review-cases/" + number + "/decision",
                "{\"outcome\":\"APPROVED\"," + CHECKED_ALL + "}", otherToken);
        assertThat(json.readTree(otherDecides.getBody()).get("code").asString()).isEqualTo("CASE_CLAIMED");
        assertThat(ids(get("/api/v1/review-cases?regionCode=" + NOTICED + "&claim=MINE", holderToken))).contains(number);
        assertThat(ids(get("/api/v1/review-cases?regionCode=" + NOTICED + "&claim=UNCLAIMED", otherToken)))
                .doesNotContain(number);
        assertThat(ids(get("/api/v1/review-cases?regionCode=" + NOTICED + "&claim=OTHERS", otherToken))).contains(number);

        ResponseEntity<String> assigned = put("/api/v1/review-cases/" + number + "/claim",
                "{\"reviewer\":\"" + (holder.equals("reviewer-a") ? "reviewer-b" : "reviewer-a") + "\"}", supervisor);
        assertThat(json.readTree(assigned.getBody()).path("claim").path("assignedBy").asString())
                .isEqualTo("supervisor-620900");
        assertThat(put("/api/v1/review-cases/" + number + "/claim", "{\"reviewer\":\"x\"}", reviewerA)
                .getStatusCode().value()).as("only a supervisor assigns").isEqualTo(403);
        ResponseEntity<String> decided = post("/api/v1/review-cases/" + number + "/decision",
                "{\"outcome\":\"APPROVED\"," + CHECKED_ALL + "}", otherToken);
        assertThat(decided.getStatusCode().value()).as(decided.getBody()).isEqualTo(200);
    }

    @Test
    void anExpiredLeaseReturnsTheCaseToTheQueue() throws Exception {
        String number = opened("M03900");
        assertThat(post("/api/v1/review-cases/" + number + "/claim", null, reviewerA).getStatusCode().value())
                .isEqualTo(200);
        Instant firstUntil = Instant.parse(json.readTree(post("/api/v1/review-cases/" + number + "/claim", null,
                reviewerA).getBody()).path("claim").path("until").asString());
        assertThat(firstUntil).as("renewed by its holder").isAfter(Instant.now().plusSeconds(3));

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(ids(get(
                "/api/v1/review-cases?regionCode=" + NOTICED + "&claim=UNCLAIMED&limit=500", reviewerB)))
                .contains(number));
        assertThat(json.readTree(get("/api/v1/review-cases/" + number, reviewerB).getBody()).path("claim").isNull())
                .isTrue();
        assertThat(post("/api/v1/review-cases/" + number + "/claim", null, reviewerB).getStatusCode().value())
                .isEqualTo(200);
    }

    @Test
    void pagesTheWholeQueueByCursorInDeadlineOrder() throws Exception {
        String disease = "M0" + (4000 + port % 1000);
        List<String> opened = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            opened.add(opened(disease));
        }
        List<String> seen = new ArrayList<>();
        String next = "/api/v1/review-cases?regionCode=" + NOTICED + "&diseaseCode=" + disease + "&limit=2";
        int pages = 0;
        while (next != null) {
            ResponseEntity<String> page = get(next, reviewerA);
            assertThat(page.getStatusCode().value()).isEqualTo(200);
            seen.addAll(ids(page));
            String link = page.getHeaders().getFirst(HttpHeaders.LINK);
            next = link == null ? null : link.substring(link.indexOf('<') + 1, link.indexOf('>'));
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(opened);
    }

    @Test
    void aDecisionNamesTheRegionsReasonsAndAnswersTheWholeChecklist() throws Exception {
        String number = opened("M03900");
        JsonNode refused = json.readTree(post("/api/v1/review-cases/" + number + "/decision", """
                {"outcome":"REJECTED","reasonCodes":["NO_SUCH"],"checklist":[{"code":"STAMPED","met":false}]}""",
                reviewerA).getBody());
        assertThat(refused.get("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(refused.get("errors").valueStream().map(e -> e.get("field").asString() + " "
                + e.get("code").asString())).containsExactlyInAnyOrder("reasonCodes[0] UNKNOWN_CODE",
                        "checklist INCOMPLETE");
        JsonNode unmet = json.readTree(post("/api/v1/review-cases/" + number + "/decision",
                "{\"outcome\":\"APPROVED\"," + CHECKED_ALL.replace("\"STAMPED\",\"met\":true", "\"STAMPED\",\"met\":false")
                        + "}", reviewerA).getBody());
        assertThat(unmet.get("errors").get(0).get("code").asString()).isEqualTo("NOT_MET");

        JsonNode rejected = json.readTree(post("/api/v1/review-cases/" + number + "/decision",
                "{\"outcome\":\"REJECTED\",\"reasonCodes\":[\"HOSPITAL_LEVEL_TOO_LOW\"],\"reasons\":[\"一级医院出具\"],"
                        + CHECKED_ALL.replace("\"HOSPITAL_LEVEL_2\",\"met\":true", "\"HOSPITAL_LEVEL_2\",\"met\":false")
                        + "}", reviewerA).getBody());
        assertThat(rejected.get("status").asString()).isEqualTo("REJECTED");
        assertThat(rejected.path("decision").path("checklist").get(0).path("text").asString())
                .isEqualTo("诊断证明由二级及以上医院出具");
        ApplicationDecided decided = await().atMost(Duration.ofSeconds(20)).until(
                () -> last(Topics.APPLICATION_DECIDED, number, ApplicationDecided.class), e -> e != null);
        assertThat(decided.reasonCodes()).containsExactly("HOSPITAL_LEVEL_TOO_LOW");
        assertThat(decided.reasons()).containsExactly("诊断证明非二级及以上医疗机构出具", "一级医院出具");
    }

    @Test
    void anApprovalIsNoticedPubliclyAndTakesEffectTheDayAfterTheNoticeUnlessAnObjectionIsUpheld() throws Exception {
        String kept = opened("M03900");
        String objected = opened("M03900");
        for (String number : List.of(kept, objected)) {
            JsonNode approved = json.readTree(post("/api/v1/review-cases/" + number + "/decision",
                    "{\"outcome\":\"APPROVED\"," + CHECKED_ALL + "}", reviewerA).getBody());
            assertThat(approved.get("status").asString()).isEqualTo("IN_PUBLIC_NOTICE");
        }
        PublicNoticeStarted started = await().atMost(Duration.ofSeconds(20)).until(
                () -> last(Topics.PUBLIC_NOTICE_STARTED, kept, PublicNoticeStarted.class), e -> e != null);
        ApplicationDecided decided = last(Topics.APPLICATION_DECIDED, kept, ApplicationDecided.class);
        assertThat(decided.publicNoticeUntil()).isEqualTo(started.noticeUntil());
        assertThat(decided.effectiveFrom()).as("not before the notice ends").isNull();
        assertThat(started.noticeFrom()).isAfter(LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).minusDays(1));

        ResponseEntity<String> list = staff.get("/api/v1/regions/" + NOTICED + "/public-notices");
        assertThat(list.getStatusCode().value()).as("read without a token").isEqualTo(200);
        JsonNode entry = json.readTree(list.getBody()).get("entries").valueStream()
                .filter(e -> e.get("applicationNumber").asString().equals(kept)).findFirst().orElseThrow();
        assertThat(entry.get("name").asString()).isEqualTo("张*");
        assertThat(entry.get("diseaseName").asString()).isEqualTo("高血压");
        assertThat(list.getBody()).doesNotContain("张三").doesNotContain("13800138000").doesNotContain("11010519");

        String objector = TestTokens.bearer(TestTokens.applicant("citizen-1", "110105194912310021"));
        JsonNode badObjection = json.readTree(post("/api/v1/regions/" + NOTICED + "/public-notices/" + objected
                + "/objections", "{\"objectorName\":\"\"}", objector).getBody());
        assertThat(badObjection.get("errors").valueStream().map(e -> e.get("field").asString()))
                .containsExactlyInAnyOrder("objectorName", "contact", "statement");
        ResponseEntity<String> raised = post("/api/v1/regions/" + NOTICED + "/public-notices/" + objected
                + "/objections", "{\"objectorName\":\"李四\",\"contact\":\"13900139000\",\"statement\":\"申请人并未长期门诊治疗\"}",
                objector);
        assertThat(raised.getStatusCode().value()).as(raised.getBody()).isEqualTo(201);
        String objectionId = json.readTree(raised.getBody()).get("objectionId").asString();
        assertThat(json.readTree(get("/api/v1/review-cases/" + objected, supervisor).getBody()).get("status")
                .asString()).isEqualTo("UNDER_OBJECTION");
        assertThat(get("/api/v1/review-cases/" + objected, supervisor).getBody()).doesNotContain("李四")
                .doesNotContain("13900139000");
        assertThat(post("/api/v1/review-cases/" + objected + "/objections/" + objectionId + "/settlement",
                "{\"upheld\":true,\"reason\":\"x\"}", reviewerA).getStatusCode().value()).isEqualTo(403);
        JsonNode upheld = json.readTree(post("/api/v1/review-cases/" + objected + "/objections/" + objectionId
                + "/settlement", "{\"upheld\":true,\"reason\":\"经核实,申请人未在门诊长期治疗\"}", supervisor).getBody());
        assertThat(upheld.get("status").asString()).isEqualTo("OBJECTION_UPHELD");
        ObjectionSettled settled = await().atMost(Duration.ofSeconds(20)).until(
                () -> last(Topics.OBJECTION_SETTLED, objected, ObjectionSettled.class), e -> e != null);
        assertThat(settled.upheld()).isTrue();

        DueTimerHandler ends = handlers.stream().filter(h -> h.kinds().contains("PUBLIC_NOTICE_END")).findFirst()
                .orElseThrow();
        Instant endsAt = started.noticeUntil().plusDays(1).atStartOfDay(java.time.ZoneId.of("Asia/Shanghai"))
                .toInstant();
        assertThat(ends.prepare(List.of(new DueTimer(objected, "PUBLIC_NOTICE_END", 1, endsAt))).fire())
                .as("an upheld objection ended the notice").isEmpty();
        assertThat(ends.prepare(List.of(new DueTimer(kept, "PUBLIC_NOTICE_END", 1, endsAt))).fire()).hasSize(1);
        assertThat(ends.prepare(List.of(new DueTimer(kept, "PUBLIC_NOTICE_END", 1, endsAt))).fire())
                .as("once").isEmpty();
        QualificationGranted granted = await().atMost(Duration.ofSeconds(20)).until(
                () -> last(Topics.QUALIFICATION_GRANTED, kept, QualificationGranted.class), e -> e != null);
        assertThat(granted.validFrom()).isEqualTo(started.noticeUntil().plusDays(1));
        assertThat(granted.validTo()).as("re-checked yearly").isEqualTo(granted.validFrom().plusYears(1).minusDays(1));
        assertThat(last(Topics.QUALIFICATION_GRANTED, objected, QualificationGranted.class)).isNull();

        String holder = TestTokens.bearer(TestTokens.applicant("applicant-zhang", "11010519491231002X"));
        assertThat(json.readTree(get("/api/v1/qualifications?mine", holder).getBody()).valueStream()
                .map(q -> q.get("number").asString())).contains("Q-" + kept).doesNotContain("Q-" + objected);
        assertThat(get("/api/v1/qualifications/Q-" + kept, objector).getStatusCode().value())
                .as("another person's").isEqualTo(404);
    }

    /** A chronic case of the disease in the noticed region, opened and waiting. */
    private String opened(String disease) throws Exception {
        String number = NOTICED + "-20261130-%06d".formatted(SEQUENCE.incrementAndGet() + 1000 * (port % 100));
        Instant now = Instant.now();
        Applicant applicant = SealedApplicants.zhang(cipher, index, number, InsuranceType.EMPLOYEE);
        ApplicationSubmitted submitted = new ApplicationSubmitted(UUID.randomUUID(), 2, now, number, NOTICED, disease,
                "高血压", DiseaseCategory.CHRONIC, applicant, new Hospital("市人民医院", 3, null),
                cipher.seal("高血压", SealedField.CONDITION_SUMMARY.context(number)), Channel.APP, now, null);
        kafka.send(Topics.APPLICATION_SUBMITTED, number, json.writeValueAsString(submitted));
        await().atMost(Duration.ofSeconds(20)).until(() -> json.readTree(get("/api/v1/review-cases/" + number,
                reviewerA).getBody()).path("sla").path("revision").asLong() == 1);
        return number;
    }

    /** Jiuquan's rules as the project reads them: 5 working days of notice, effective after it, yearly re-check. */
    private static CatalogPublished catalog() {
        ReviewRules rules = new ReviewRules(List.of(
                new ReviewRules.RejectionReason("HOSPITAL_LEVEL_TOO_LOW", "诊断证明非二级及以上医疗机构出具"),
                new ReviewRules.RejectionReason("CRITERIA_NOT_MET", "病情未达到病种认定标准")), List.of(
                new ReviewRules.Criterion("HOSPITAL_LEVEL_2", "诊断证明由二级及以上医院出具"),
                new ReviewRules.Criterion("STAMPED", "病历资料有医院公章或电子签章")), null, null, null, null, null);
        RegionPolicy policy = new RegionPolicy(List.of(new ReviewTimeLimit(DiseaseCategory.CHRONIC,
                ReviewTimeLimit.Kind.WORKING_DAYS, BigDecimal.valueOf(20))), true,
                new Period(5, Period.Unit.WORKING_DAYS), EffectiveDateRule.AFTER_PUBLIC_NOTICE,
                new Period(1, Period.Unit.YEARS), List.of(), List.of(), null, new Period(30, Period.Unit.CALENDAR_DAYS),
                null, rules);
        return new CatalogPublished(UUID.randomUUID(), CatalogPublished.SCHEMA_VERSION, Instant.now(), NOTICED, "测试市",
                "2025.3", LocalDate.of(2025, 1, 1), List.of(InsuranceType.EMPLOYEE),
                List.of(new CatalogDisease("M03900", "高血压", DiseaseCategory.CHRONIC, List.of(), null, List.of(
                        new ReviewRules.Criterion("BLOOD_PRESSURE_RECORD", "血压记录、心电图、影像学报告齐全")))),
                policy);
    }

    private <T> T last(String topic, String number, Class<T> type) {
        var records = kafka.readAll(topic, Duration.ofSeconds(1)).stream().filter(r -> number.equals(r.key())).toList();
        return records.isEmpty() ? null : json.readValue(records.getLast().value(), type);
    }

    private List<String> ids(ResponseEntity<String> page) {
        return json.readTree(page.getBody()).valueStream().map(c -> c.get("applicationNumber").asString()).toList();
    }

    private ResponseEntity<String> post(String uri, String body, String token) {
        return staff.post(uri, body, token);
    }

    private ResponseEntity<String> put(String uri, String body, String token) {
        return staff.put(uri, body, token);
    }

    private ResponseEntity<String> get(String uri, String token) {
        return staff.get(uri, token);
    }
}
