package org.mtb.review.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.jspecify.annotations.Nullable;
import org.mtb.calendar.WorkingDayCalendar;
import org.mtb.contracts.Channel;
import org.mtb.contracts.DiseaseCategory;
import org.mtb.contracts.InsuranceType;
import org.mtb.contracts.SealedField;
import org.mtb.contracts.Topics;
import org.mtb.contracts.catalog.CatalogPublished;
import org.mtb.contracts.catalog.ReviewRules;
import org.mtb.contracts.intake.Applicant;
import org.mtb.contracts.intake.ApplicationSubmitted;
import org.mtb.contracts.intake.Hospital;
import org.mtb.contracts.intake.SuppliedMaterial;
import org.mtb.contracts.review.PublicNoticeStarted;
import org.mtb.contracts.review.QualificationExpired;
import org.mtb.contracts.review.QualificationGranted;
import org.mtb.contracts.review.QualificationRevoked;
import org.mtb.contracts.review.RecheckDue;
import org.mtb.contracts.review.ReviewExtended;
import org.mtb.review.calendar.RegionCalendars;
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
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each region's path on its catalog as shipped (the golden catalogs the catalog's region files publish): Jiuquan's
 * public notice, effective date, re-check reminder and expiry; Liupanshui's same-day benefit and designated
 * institution; Tiemenguan's instant filing with its post-check, a special case the rule does not hold for, and a
 * chronic case's extension.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RegionsAsShippedFlowScenario {

    private static final Path CATALOGS = Path.of("..", "contracts", "src", "test", "resources", "catalogs");
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
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
    @Autowired
    RegionCalendars calendars;
    @Autowired
    org.mtb.review.policy.RegionPolicies policies;

    StaffRequests staff;
    KafkaTestClient kafka;
    final java.util.Map<String, CatalogPublished> catalogs = new java.util.HashMap<>();
    final String holder = TestTokens.bearer(TestTokens.applicant("applicant-zhang", "11010519491231002X"));

    abstract String bootstrapServers();

    @BeforeAll
    void connect() throws Exception {
        staff = new StaffRequests(port);
        kafka = new KafkaTestClient(bootstrapServers());
        for (String region : List.of("620900", "520200", "659006")) {
            String shipped = Files.readString(CATALOGS.resolve(region + ".json"));
            catalogs.put(region, json.readValue(shipped, CatalogPublished.class));
            kafka.send(Topics.CATALOG_PUBLISHED, region, shipped);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> catalogs.keySet().stream().allMatch(region -> policies
                .find(region).map(copy -> copy.version().equals(catalogs.get(region).version())).orElse(false)));
    }

    @AfterAll
    void disconnect() {
        kafka.close();
    }

    @Test
    void jiuquanNoticesAnApprovalFiveWorkingDaysThenGrantsItForAYearWithAReminderAndAnExpiryEachFiredOnce()
            throws Exception {
        String number = opened("620900", "M03900", DiseaseCategory.CHRONIC, 3, List.of());
        String reviewer = staff(Role.REVIEWER, "reviewer-620900", "620900");
        assertThat(post("/api/v1/review-cases/" + number + "/claim", null, reviewer).getStatusCode().value())
                .isEqualTo(200);
        JsonNode approved = json.readTree(post("/api/v1/review-cases/" + number + "/decision",
                "{\"outcome\":\"APPROVED\"," + checklist("620900", "M03900") + "}", reviewer).getBody());
        assertThat(approved.path("status").asString()).as(approved.toString()).isEqualTo("IN_PUBLIC_NOTICE");
        PublicNoticeStarted notice = await().atMost(Duration.ofSeconds(20)).until(
                () -> last(Topics.PUBLIC_NOTICE_STARTED, number, PublicNoticeStarted.class), e -> e != null);
        WorkingDayCalendar calendar = calendars.calendarFor("620900").calendar();
        assertThat(workingDaysFrom(notice.noticeFrom(), notice.noticeUntil(), calendar)).as("5 working days")
                .isEqualTo(5);
        assertThat(calendar.isWorkingDay(notice.noticeFrom())).isTrue();

        Instant endsAt = notice.noticeUntil().plusDays(1).atStartOfDay(CHINA).toInstant();
        assertThat(handler("PUBLIC_NOTICE_END").prepare(List.of(new DueTimer(number, "PUBLIC_NOTICE_END", 1, endsAt)))
                .fire()).hasSize(1);
        QualificationGranted granted = await().atMost(Duration.ofSeconds(20)).until(
                () -> last(Topics.QUALIFICATION_GRANTED, number, QualificationGranted.class), e -> e != null);
        assertThat(granted.validFrom()).as("the day after the notice").isEqualTo(notice.noticeUntil().plusDays(1));
        assertThat(granted.validTo()).as("re-checked yearly").isEqualTo(granted.validFrom().plusYears(1).minusDays(1));

        Instant remindAt = reminderDay(granted.validTo(), 20, calendar).atTime(9, 0).atZone(CHINA).toInstant();
        DueTimer reminder = new DueTimer(number, "RECHECK_DUE", 1, remindAt);
        List<CompletableFuture<Integer>> twoInstances = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            twoInstances.add(CompletableFuture.supplyAsync(() -> handler("RECHECK_DUE").prepare(List.of(reminder))
                    .fire().size()));
        }
        assertThat(twoInstances.stream().mapToInt(CompletableFuture::join).sum()).as("fired once of two").isEqualTo(1);
        assertThat(handler("RECHECK_DUE").prepare(List.of(reminder)).fire()).as("again later").isEmpty();
        Instant expiresAt = granted.validTo().plusDays(1).atStartOfDay(CHINA).toInstant();
        DueTimer expiry = new DueTimer(number, "QUALIFICATION_EXPIRY", 1, expiresAt);
        assertThat(handler("QUALIFICATION_EXPIRY").prepare(List.of(expiry)).fire()).hasSize(1);
        assertThat(handler("QUALIFICATION_EXPIRY").prepare(List.of(expiry)).fire()).isEmpty();

        await().atMost(Duration.ofSeconds(20)).until(() -> count(Topics.QUALIFICATION_EXPIRED, number) == 1);
        assertThat(count(Topics.RECHECK_DUE, number)).isEqualTo(1);
        assertThat(last(Topics.RECHECK_DUE, number, RecheckDue.class).validTo()).isEqualTo(granted.validTo());
        assertThat(last(Topics.QUALIFICATION_EXPIRED, number, QualificationExpired.class).qualificationNumber())
                .isEqualTo(granted.qualificationNumber());
        assertThat(json.readTree(get("/api/v1/qualifications/" + granted.qualificationNumber(), holder).getBody())
                .path("status").asString()).isEqualTo("EXPIRED");
    }

    @Test
    void aRenewalContinuesTheQualificationWithoutAGapAndAChangeReplacesItAtOnce() throws Exception {
        QualificationGranted first = grantedInJiuquan(null, null);
        QualificationGranted renewal = grantedInJiuquan(org.mtb.contracts.intake.ApplicationKind.RENEWAL,
                first.qualificationNumber());
        assertThat(renewal.replaces()).isEqualTo(first.qualificationNumber());
        assertThat(renewal.validFrom()).as("the day after the renewed one's end").isEqualTo(first.validTo().plusDays(1));
        assertThat(handler("QUALIFICATION_SUCCESSION").prepare(List.of(new DueTimer(renewal.applicationNumber(),
                "QUALIFICATION_SUCCESSION", 1, Instant.now()))).fire()).hasSize(1);
        JsonNode renewed = json.readTree(get("/api/v1/qualifications/" + first.qualificationNumber(), holder).getBody());
        assertThat(renewed.path("status").asString()).as("pays until its end").isEqualTo("ACTIVE");
        Instant remindAt = reminderDay(first.validTo(), 20, calendars.calendarFor("620900").calendar()).atTime(9, 0)
                .atZone(CHINA).toInstant();
        assertThat(handler("RECHECK_DUE").prepare(List.of(new DueTimer(first.applicationNumber(), "RECHECK_DUE", 1,
                remindAt))).fire()).as("no reminder for a renewed qualification").isEmpty();

        QualificationGranted change = grantedInJiuquan(org.mtb.contracts.intake.ApplicationKind.CHANGE,
                renewal.qualificationNumber());
        handler("QUALIFICATION_SUCCESSION").prepare(List.of(new DueTimer(change.applicationNumber(),
                "QUALIFICATION_SUCCESSION", 1, Instant.now()))).fire();
        JsonNode replaced = json.readTree(get("/api/v1/qualifications/" + renewal.qualificationNumber(), holder)
                .getBody());
        assertThat(replaced.path("status").asString()).isEqualTo("EXPIRED");
        assertThat(replaced.path("endReason").asString()).contains(change.qualificationNumber());
    }

    /** A Jiuquan case approved, noticed and granted at the notice's end. */
    private QualificationGranted grantedInJiuquan(org.mtb.contracts.intake.@Nullable ApplicationKind kind,
            @Nullable String continues) throws Exception {
        String number = opened("620900", "M03900", DiseaseCategory.CHRONIC, 3, List.of(), kind, continues);
        String reviewer = staff(Role.REVIEWER, "reviewer-620900", "620900");
        post("/api/v1/review-cases/" + number + "/decision", "{\"outcome\":\"APPROVED\"," + checklist("620900",
                "M03900") + "}", reviewer);
        PublicNoticeStarted notice = await().atMost(Duration.ofSeconds(20)).until(
                () -> last(Topics.PUBLIC_NOTICE_STARTED, number, PublicNoticeStarted.class), e -> e != null);
        Instant endsAt = notice.noticeUntil().plusDays(1).atStartOfDay(CHINA).toInstant();
        assertThat(handler("PUBLIC_NOTICE_END").prepare(List.of(new DueTimer(number, "PUBLIC_NOTICE_END", 1, endsAt)))
                .fire()).hasSize(1);
        return await().atMost(Duration.ofSeconds(20)).until(
                () -> last(Topics.QUALIFICATION_GRANTED, number, QualificationGranted.class), e -> e != null);
    }

    @Test
    void jiuquansSpecialDiseasesAreDecidedByAPanelOfTwoAndASplitPanelByASupervisor() throws Exception {
        String agreed = opened("620900", "L620900-001", DiseaseCategory.SPECIAL, 3, List.of());
        String split = opened("620900", "L620900-001", DiseaseCategory.SPECIAL, 3, List.of());
        String first = staff(Role.REVIEWER, "expert-1", "620900");
        String second = staff(Role.REVIEWER, "expert-2", "620900");
        String approve = "{\"outcome\":\"APPROVED\"," + checklist("620900", "L620900-001") + "}";
        String reject = "{\"outcome\":\"REJECTED\",\"reasonCodes\":[\"CRITERIA_NOT_MET\"],"
                + checklist("620900", "L620900-001") + "}";

        JsonNode oneVote = json.readTree(post("/api/v1/review-cases/" + agreed + "/decision", approve, first).getBody());
        assertThat(oneVote.path("routing").path("panelSize").asInt()).isEqualTo(2);
        assertThat(oneVote.path("status").asString()).as("one vote of two").isEqualTo("OPEN");
        assertThat(oneVote.path("votes")).hasSize(1);
        assertThat(json.readTree(post("/api/v1/review-cases/" + agreed + "/decision", approve, first).getBody())
                .path("votes")).as("a second vote of the same expert replaces the first").hasSize(1);
        JsonNode decided = json.readTree(post("/api/v1/review-cases/" + agreed + "/decision", approve, second)
                .getBody());
        assertThat(decided.path("status").asString()).isEqualTo("IN_PUBLIC_NOTICE");

        post("/api/v1/review-cases/" + split + "/decision", approve, first);
        JsonNode differ = json.readTree(post("/api/v1/review-cases/" + split + "/decision", reject, second).getBody());
        assertThat(differ.path("status").asString()).as("votes differ").isEqualTo("OPEN");
        JsonNode chaired = json.readTree(post("/api/v1/review-cases/" + split + "/decision", reject,
                staff(Role.SUPERVISOR, "supervisor-620900", "620900")).getBody());
        assertThat(chaired.path("status").asString()).isEqualTo("REJECTED");
    }

    @Test
    void liupanshuiRoutesACaseToItsDiagnosingInstitutionOfLevelTwoOrAbove() throws Exception {
        String routed = opened("520200", "L520200-001", DiseaseCategory.CHRONIC, 3, List.of(), null, null,
                "H52020000001");
        String atBureau = opened("520200", "L520200-001", DiseaseCategory.CHRONIC, 1, List.of(), null, null,
                "H52020000009");
        String ofHospital = TestTokens.bearer(TestTokens.token("reviewer-h1").roles(Role.REVIEWER).regions("520200")
                .claim("institution", "H52020000001").claim("azp", "mtb-cli").sign());
        String ofOther = TestTokens.bearer(TestTokens.token("reviewer-h9").roles(Role.REVIEWER).regions("520200")
                .claim("institution", "H52020000009").claim("azp", "mtb-cli").sign());

        JsonNode seen = json.readTree(get("/api/v1/review-cases/" + routed, ofHospital).getBody());
        assertThat(seen.path("routing").path("reviewers").asString()).isEqualTo("DIAGNOSING_INSTITUTION");
        assertThat(seen.path("routing").path("institution").asString()).isEqualTo("H52020000001");
        assertThat(get("/api/v1/review-cases/" + routed, ofOther).getStatusCode().value()).isEqualTo(404);
        JsonNode bureau = json.readTree(get("/api/v1/review-cases/" + atBureau,
                staff(Role.REVIEWER, "reviewer-520200", "520200")).getBody());
        assertThat(bureau.path("routing").path("reviewers").asString()).as("level 1 stays with the bureau")
                .isEqualTo("BUREAU");
        assertThat(get("/api/v1/review-cases/" + atBureau, ofOther).getStatusCode().value())
                .as("not the level-1 hospital's own reviewers").isEqualTo(404);
    }

    @Test
    void liupanshuiGrantsFromTheDayOfApprovalAndLetsTheHolderChangeTheInstitutionOnceAYear() throws Exception {
        String number = opened("520200", "L520200-001", DiseaseCategory.CHRONIC, 2, List.of());
        String reviewer = staff(Role.REVIEWER, "reviewer-520200", "520200");
        JsonNode approved = json.readTree(post("/api/v1/review-cases/" + number + "/decision",
                "{\"outcome\":\"APPROVED\"," + checklist("520200", "L520200-001") + "}", reviewer).getBody());
        assertThat(approved.path("status").asString()).as(approved.toString()).isEqualTo("APPROVED");
        assertThat(approved.path("qualification").path("validFrom").asString())
                .isEqualTo(LocalDate.now(CHINA).toString());
        assertThat(approved.path("qualification").path("validTo").isNull()).as("long-term").isTrue();

        String q = "/api/v1/qualifications/Q-" + number + "/designated-institution";
        assertThat(put(q, "{\"institutionCode\":\"H99999999999\"}", holder).getStatusCode().value()).isEqualTo(400);
        assertThat(put(q, "{\"institutionCode\":\"H52020000001\"}", holder).getStatusCode().value()).isEqualTo(200);
        assertThat(put(q, "{\"institutionCode\":\"H52020000002\"}", holder).getStatusCode().value())
                .as("the year's change").isEqualTo(200);
        JsonNode refused = json.readTree(put(q, "{\"institutionCode\":\"H52020000003\"}", holder).getBody());
        assertThat(refused.path("code").asString()).isEqualTo("INSTITUTION_CHANGE_LIMIT");
        assertThat(refused.path("allowedFrom").asString())
                .isEqualTo(LocalDate.of(LocalDate.now(CHINA).getYear() + 1, 1, 1).toString());
        assertThat(json.readTree(get("/api/v1/qualifications/Q-" + number, holder).getBody())
                .path("designatedInstitution").path("code").asString()).isEqualTo("H52020000002");
    }

    @Test
    void tiemenguanFilesASpecialCaseAtOnceForAPostCheckAndSendsOneThatFailsTheRuleToAReviewer() throws Exception {
        List<SuppliedMaterial> complete = List.of(
                new SuppliedMaterial("IDENTITY_DOCUMENT", List.of("m-1")),
                new SuppliedMaterial("APPLICATION_FORM", List.of("m-2"), LocalDate.now(CHINA).minusDays(3), 3),
                new SuppliedMaterial("MEDICAL_RECORDS", List.of("m-3"), LocalDate.now(CHINA).minusMonths(1), 3));
        String filed = opened("659006", "M01200", DiseaseCategory.SPECIAL, 3, complete);
        String lowLevel = opened("659006", "M01200", DiseaseCategory.SPECIAL, 1, complete);
        String reviewer = staff(Role.REVIEWER, "reviewer-659006", "659006");

        JsonNode atOnce = json.readTree(get("/api/v1/review-cases/" + filed, reviewer).getBody());
        assertThat(atOnce.path("status").asString()).as(atOnce.toString()).isEqualTo("FILED");
        assertThat(atOnce.path("filing").path("ruleVersion").asString()).isEqualTo("659006-IF-2025.3");
        QualificationGranted granted = await().atMost(Duration.ofSeconds(20)).until(
                () -> last(Topics.QUALIFICATION_GRANTED, filed, QualificationGranted.class), e -> e != null);
        assertThat(granted.grantedBy()).isEqualTo(QualificationGranted.Grant.INSTANT_FILING);
        assertThat(granted.ruleVersion()).isEqualTo("659006-IF-2025.3");
        assertThat(granted.validFrom()).isEqualTo(LocalDate.now(CHINA));
        assertThat(ids("/api/v1/review-cases?regionCode=659006&status=FILED", reviewer)).contains(filed);

        JsonNode toReviewer = json.readTree(get("/api/v1/review-cases/" + lowLevel, reviewer).getBody());
        assertThat(toReviewer.path("status").asString()).isEqualTo("OPEN");
        assertThat(toReviewer.path("filing").path("held").asBoolean()).isFalse();
        assertThat(toReviewer.path("filing").path("failures").get(0).asString()).startsWith("HOSPITAL_LEVEL");
        assertThat(toReviewer.path("sla").path("limit").path("kind").asString()).isEqualTo("IMMEDIATE");

        JsonNode revoked = json.readTree(post("/api/v1/review-cases/" + filed + "/post-check",
                "{\"outcome\":\"REVOKED\",\"reason\":\"病历资料与申报病种不一致\"}", reviewer).getBody());
        assertThat(revoked.path("status").asString()).isEqualTo("REVOKED");
        QualificationRevoked event = await().atMost(Duration.ofSeconds(20)).until(
                () -> last(Topics.QUALIFICATION_REVOKED, filed, QualificationRevoked.class), e -> e != null);
        assertThat(event.reason()).isEqualTo("病历资料与申报病种不一致");
        assertThat(post("/api/v1/review-cases/" + filed + "/post-check", "{\"outcome\":\"CONFIRMED\"}", reviewer)
                .getStatusCode().value()).isEqualTo(409);
    }

    @Test
    void tiemenguanExtendsAChronicCaseOnceOnASupervisorsApproval() throws Exception {
        String number = opened("659006", "M04600", DiseaseCategory.CHRONIC, 3, List.of());
        String reviewer = staff(Role.REVIEWER, "reviewer-659006", "659006");
        String supervisor = staff(Role.SUPERVISOR, "supervisor-659006", "659006");
        Instant dueBefore = Instant.parse(json.readTree(get("/api/v1/review-cases/" + number, reviewer).getBody())
                .path("sla").path("dueAt").asString());

        assertThat(post("/api/v1/review-cases/" + number + "/extension-requests", "{\"reason\":\"\"}", reviewer)
                .getStatusCode().value()).isEqualTo(400);
        assertThat(post("/api/v1/review-cases/" + number + "/extension-requests",
                "{\"reason\":\"需调取外院病历核实诊断\"}", reviewer).getStatusCode().value()).isEqualTo(200);
        assertThat(post("/api/v1/review-cases/" + number + "/extension-requests/1/decision",
                "{\"approved\":true,\"reason\":\"同意\"}", reviewer).getStatusCode().value()).isEqualTo(403);
        JsonNode extended = json.readTree(post("/api/v1/review-cases/" + number + "/extension-requests/1/decision",
                "{\"approved\":true,\"reason\":\"同意延长\"}", supervisor).getBody());
        Instant dueAfter = Instant.parse(extended.path("sla").path("dueAt").asString());
        WorkingDayCalendar calendar = calendars.calendarFor("659006").calendar();
        assertThat(dueAfter).as("10 working days later").isEqualTo(calendar.addWorkingDays(dueBefore, 10).at());
        assertThat(extended.path("sla").path("revision").asLong()).isEqualTo(2);
        ReviewExtended event = await().atMost(Duration.ofSeconds(20)).until(
                () -> last(Topics.REVIEW_EXTENDED, number, ReviewExtended.class), e -> e != null);
        assertThat(event.previousDueAt()).isEqualTo(dueBefore);
        assertThat(event.dueAt()).isEqualTo(dueAfter);

        JsonNode again = json.readTree(post("/api/v1/review-cases/" + number + "/extension-requests",
                "{\"reason\":\"仍需核实\"}", reviewer).getBody());
        assertThat(again.path("code").asString()).isEqualTo("EXTENSION_LIMIT_REACHED");
        JsonNode elsewhere = json.readTree(post("/api/v1/review-cases/" + opened("620900", "M03900",
                DiseaseCategory.CHRONIC, 3, List.of()) + "/extension-requests", "{\"reason\":\"x\"}",
                staff(Role.REVIEWER, "reviewer-620900", "620900")).getBody());
        assertThat(elsewhere.path("code").asString()).as("Jiuquan allows none").isEqualTo("EXTENSION_NOT_ALLOWED");
    }

    /** Every point of the case's checklist, met: the region's, then the disease's, as the shipped catalog lists them. */
    private String checklist(String region, String disease) {
        CatalogPublished catalog = catalogs.get(region);
        List<ReviewRules.Criterion> all = new ArrayList<>(catalog.policy().reviewRules().criteria());
        catalog.diseases().stream().filter(d -> d.code().equals(disease)).findFirst()
                .ifPresent(d -> all.addAll(d.criteria()));
        return "\"checklist\":[" + String.join(",", all.stream()
                .map(c -> "{\"code\":\"" + c.code() + "\",\"met\":true}").toList()) + "]";
    }

    private String opened(String region, String disease, DiseaseCategory category, int hospitalLevel,
            List<SuppliedMaterial> materials) throws Exception {
        return opened(region, disease, category, hospitalLevel, materials, null, null);
    }

    private String opened(String region, String disease, DiseaseCategory category, int hospitalLevel,
            List<SuppliedMaterial> materials, org.mtb.contracts.intake.@Nullable ApplicationKind kind,
            @Nullable String continues) throws Exception {
        return opened(region, disease, category, hospitalLevel, materials, kind, continues, null);
    }

    private String opened(String region, String disease, DiseaseCategory category, int hospitalLevel,
            List<SuppliedMaterial> materials, org.mtb.contracts.intake.@Nullable ApplicationKind kind,
            @Nullable String continues, @Nullable String hospitalCode) throws Exception {
        String number = region + "-20261130-%06d".formatted(SEQUENCE.incrementAndGet() + 1000 * (port % 100));
        Instant now = Instant.now();
        Applicant applicant = SealedApplicants.zhang(cipher, index, number, InsuranceType.EMPLOYEE);
        String name = catalogs.get(region).diseases().stream().filter(d -> d.code().equals(disease)).findFirst()
                .orElseThrow().name();
        ApplicationSubmitted submitted = new ApplicationSubmitted(UUID.randomUUID(), 2, now, number, region, disease,
                name, category, applicant, new Hospital("市人民医院", hospitalLevel, hospitalCode),
                cipher.seal("病情稳定", SealedField.CONDITION_SUMMARY.context(number)), Channel.APP, now, null,
                materials, kind, continues, null);
        kafka.send(Topics.APPLICATION_SUBMITTED, number, json.writeValueAsString(submitted));
        await().atMost(Duration.ofSeconds(20)).until(() -> get("/api/v1/review-cases/" + number,
                staff(Role.SUPERVISOR, "supervisor-" + region, region)).getStatusCode().value() == 200);
        return number;
    }

    private static int workingDaysFrom(LocalDate from, LocalDate until, WorkingDayCalendar calendar) {
        int days = 0;
        for (LocalDate d = from; !d.isAfter(until); d = d.plusDays(1)) {
            days += calendar.isWorkingDay(d) ? 1 : 0;
        }
        return days;
    }

    private static LocalDate reminderDay(LocalDate validTo, int workingDays, WorkingDayCalendar calendar) {
        LocalDate day = validTo;
        for (int counted = 0; counted < workingDays; ) {
            day = day.minusDays(1);
            counted += calendar.isWorkingDay(day) ? 1 : 0;
        }
        return day;
    }

    private DueTimerHandler handler(String kind) {
        return handlers.stream().filter(h -> h.kinds().contains(kind)).findFirst().orElseThrow();
    }

    private static String staff(Role role, String username, String region) {
        return TestTokens.bearer(TestTokens.staff(role, username, region));
    }

    private <T> T last(String topic, String number, Class<T> type) {
        var records = kafka.readAll(topic, Duration.ofSeconds(1)).stream().filter(r -> number.equals(r.key())).toList();
        return records.isEmpty() ? null : json.readValue(records.getLast().value(), type);
    }

    private long count(String topic, String number) {
        return kafka.readAll(topic, Duration.ofSeconds(1)).stream().filter(r -> number.equals(r.key())).count();
    }

    private List<String> ids(String uri, String token) {
        return json.readTree(get(uri, token).getBody()).valueStream().map(c -> c.get("applicationNumber").asString())
                .toList();
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
