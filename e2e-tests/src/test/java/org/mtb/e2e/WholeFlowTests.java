package org.mtb.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.mtb.stack.LocalStack;
import org.mtb.stack.StackSettings;
import tools.jackson.databind.JsonNode;

/**
 * The four real service jars on the embedded Kafka broker and MongoDB server, on free ports, driven over HTTP
 * as a channel, a reviewer and an applicant's app would. Steps share one stack and run in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WholeFlowTests {

    private static final Duration START = Duration.ofMinutes(4);
    private static final String BODY = """
            {"regionCode":"659006","diseaseCode":"M01200",
             "applicant":{"idNumber":"11010519491231002X","name":"张三","phone":"13800138000","insuranceType":"RESIDENT"},
             "hospital":{"name":"第二师医院","level":3},"conditionSummary":"血友病A型，需长期替代治疗","channel":"APP"}
            """;

    @TempDir
    static Path data;

    LocalStack stack;
    final Http http = new Http();
    Tokens tokens;
    ChannelSigner tiemenguan;
    final ExposedMetrics exposed = new ExposedMetrics();
    String approvedNumber;
    Uploads uploads;

    @BeforeAll
    void startStack() {
        Path repo = Path.of(System.getProperty("user.dir")).getParent();
        stack = new LocalStack(StackSettings.defaults(repo).withFreePorts().withDataDir(data));
        assertThat(stack.missingJars()).as("service jars; build with ./mtb test or ./mvnw verify").isEmpty();
        stack.startAll();
        stack.awaitAllHealthy(START);
        tokens = new Tokens(http, stack.settings().authTokenUri());
        tiemenguan = new ChannelSigner(stack.settings().channelSecretsFile(), "xj-tiemenguan-platform");
        uploads = new Uploads(http, path -> url("catalog", path), path -> url("intake", path), this::zhang);
    }

    /**
     * After every step, the metrics each running service exposes: a meter with tags appears at its first use, and
     * steps restart services, which starts them again.
     */
    @AfterEach
    void recordExposedMetrics() {
        if (stack == null || tokens == null) {
            return;
        }
        for (String service : StackSettings.SERVICES) {
            if (stack.isRunning(service)) {
                try {
                    Http.Answer scrape = http.get(url(service, "/actuator/prometheus"), tokens.prometheus());
                    if (scrape.status() == 200) {
                        exposed.record(scrape.body());
                    }
                } catch (UncheckedIOException notAnsweringYet) {
                    // Started by the step but not listening yet: a later scrape sees it.
                }
            }
        }
    }

    @AfterAll
    void stopStack() throws IOException {
        if (stack != null) {
            stack.close();
            keepLogs(stack.settings().logsDir());
        }
    }

    /** The services' logs outlive the temporary directory, in {@code target/whole-flow-logs}: read after a failure. */
    private static void keepLogs(Path logs) throws IOException {
        if (!Files.isDirectory(logs)) {
            return;
        }
        Path kept = Files.createDirectories(Path.of("target", "whole-flow-logs"));
        try (Stream<Path> files = Files.list(logs)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, kept.resolve(file.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    @Test
    @Order(1)
    void catalogServesTheThreeSeedRegions() {
        JsonNode regions = http.get(url("catalog", "/api/v1/regions"), zhang()).json();
        assertThat(regions.valueStream().map(r -> r.get("regionCode").asString()).toList())
                .contains("520200", "620900", "659006");
        JsonNode tiemenguan = http.get(url("catalog", "/api/v1/regions/659006/diseases"), zhang()).json();
        assertThat(tiemenguan.get("diseases").size()).isEqualTo(30);
    }

    @Test
    @Order(2)
    void submitsReviewsAndTellsTheApplicant() {
        String key = "e2e-" + UUID.randomUUID();
        // Dated seven months back, the materials fail Tiemenguan's instant-filing rule (6 months): a reviewer decides.
        String body = complete(BODY, zhang()).replace(java.time.LocalDate.now().minusMonths(1).toString(),
                java.time.LocalDate.now().minusMonths(7).toString());
        Http.Answer created = submitWhenCatalogArrived(key, body, zhang());
        assertThat(created.status()).isEqualTo(201);
        approvedNumber = created.json().get("applicationNumber").asString();
        assertThat(created.body()).doesNotContain("11010519491231002X", "13800138000", "张三");

        Http.Answer retry = http.post(url("intake", "/api/v1/applications"), zhang(), body, "Idempotency-Key", key);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json().get("applicationNumber").asString()).isEqualTo(approvedNumber);
        Http.Answer conflict = http.post(url("intake", "/api/v1/applications"), zhang(),
                body.replace("M01200", "M03701"), "Idempotency-Key", key);
        assertThat(conflict.status()).isEqualTo(409);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                http.get(url("review", "/api/v1/review-cases?regionCode=659006&status=OPEN"), reviewer659006()).json()
                        .valueStream().map(c -> c.get("applicationNumber").asString()).toList())
                .contains(approvedNumber));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(status(approvedNumber, zhang()))
                .isEqualTo("UNDER_REVIEW"));
        // Review may open the case before its copy of the region's catalog arrives; the case gets its deadline then.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(http.get(url("review",
                "/api/v1/review-cases/" + approvedNumber), reviewer659006()).json().path("sla").path("limit")
                .path("kind").asString()).isEqualTo("IMMEDIATE"));

        JsonNode opened = http.get(url("review", "/api/v1/review-cases/" + approvedNumber), reviewer659006()).json();
        assertThat(opened.path("filing").path("held").asBoolean()).isFalse();
        assertThat(opened.path("filing").path("failures").get(0).asString()).startsWith("DIAGNOSIS_TOO_OLD");
        assertThat(http.post(url("review", "/api/v1/review-cases/" + approvedNumber + "/claim"), reviewer659006(), "")
                .status()).isEqualTo(200);
        long decidedAt = System.nanoTime();
        Http.Answer decision = http.post(url("review", "/api/v1/review-cases/" + approvedNumber + "/decision"),
                reviewer659006(), Checklists.approval("659006", "M01200"));
        assertThat(decision.status()).isEqualTo(200);
        assertThat(decision.json().get("decision").get("reviewerId").asString()).as("the token's subject")
                .isEqualTo("reviewer-659006");
        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20)).untilAsserted(() ->
                assertThat(messages(approvedNumber, zhang())).anyMatch(m -> m.get("body").asString().contains("通过")));
        System.out.printf("decision to applicant message: %d ms%n", (System.nanoTime() - decidedAt) / 1_000_000);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode application = http.get(url("intake", "/api/v1/applications/" + approvedNumber), zhang())
                    .json();
            assertThat(application.get("status").asString()).isEqualTo("APPROVED");
            assertThat(application.get("timeline").valueStream().map(e -> e.get("status").asString()).toList())
                    .startsWith("SUBMITTED", "UNDER_REVIEW", "APPROVED").containsOnly("SUBMITTED", "UNDER_REVIEW",
                            "APPROVED");
            assertThat(application.path("aftermath").path("qualificationNumber").asString())
                    .isEqualTo("Q-" + approvedNumber);
        });
        // Received and approved by SMS and in the app; the qualification in the app only (the approval's SMS said it).
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(messages(approvedNumber, zhang()))
                .hasSize(5));
        List<JsonNode> messages = messages(approvedNumber, zhang());
        assertThat(messages).extracting(m -> m.get("channel").asString()).containsOnly("SMS", "IN_APP");
        assertThat(messages.toString()).doesNotContain("13800138000", "张三", "11010519491231002X");

        Http.Answer again = http.post(url("review", "/api/v1/review-cases/" + approvedNumber + "/decision"),
                reviewer659006(), "{\"outcome\":\"REJECTED\",\"reasons\":[\"x\"]}");
        assertThat(again.status()).isEqualTo(409);
        Http.Answer openedData = http.post(url("review", "/api/v1/review-cases/" + approvedNumber + "/personal-data"),
                reviewer659006(), "{\"purpose\":\"核对身份证件\"}");
        assertThat(openedData.status()).isEqualTo(200);
        assertThat(openedData.json().get("idNumber").asString()).as("opened for a stated purpose")
                .isEqualTo("11010519491231002X");
        assertThat(http.get(url("review", "/api/v1/review-cases/" + approvedNumber + "/personal-data-access"),
                tokens.person("supervisor-620900")).status()).as("a supervisor of another region").isEqualTo(404);
    }

    @Test
    @Order(3)
    void replayingEveryTopicFromTheStartChangesNothing() {
        for (String service : List.of("intake", "review", "notification")) {
            stack.stopService(service);
            stack.startService(service, Map.of(
                    "SPRING_CLOUD_STREAM_KAFKA_DEFAULT_CONSUMER_RESETOFFSETS", "true",
                    "SPRING_CLOUD_STREAM_KAFKA_DEFAULT_CONSUMER_STARTOFFSET", "earliest"));
        }
        for (String service : List.of("intake", "review", "notification")) {
            stack.awaitHealthy(service, START);
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(counter("intake", "intake_events_duplicates_total")).isGreaterThanOrEqualTo(2);
            assertThat(counter("review", "review_events_duplicates_total")).isGreaterThanOrEqualTo(1);
            assertThat(counter("notification", "notification_events_duplicates_total")).isGreaterThanOrEqualTo(2);
        });
        JsonNode application = http.get(url("intake", "/api/v1/applications/" + approvedNumber), zhang()).json();
        // Submitted, under review, approved, and the qualification granted with it: the same after the replay.
        assertThat(application.get("timeline").size()).isEqualTo(4);
        assertThat(messages(approvedNumber, zhang())).hasSize(5);
        assertThat(http.get(url("review", "/api/v1/review-cases?regionCode=659006"), reviewer659006()).json()
                .valueStream()
                .filter(c -> c.get("applicationNumber").asString().equals(approvedNumber)).count()).isEqualTo(1);
    }

    @Test
    @Order(4)
    void keepsAcceptingWhileKafkaAndCatalogAreDownAndDeliversEverythingAfter() {
        // Three people applying through Tiemenguan's platform, their materials uploaded before the outage.
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            bodies.add(uploads.complete(faceChecked(person(BODY, 10 + i)), tokens.tiemenguanPlatform(), tiemenguan));
        }
        stack.stopService("catalog");
        stack.stopKafka();
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Http.Answer answer = channelPost(url("intake", "/api/v1/applications"), bodies.get(i),
                    "kafka-down-" + i + "-" + UUID.randomUUID());
            assertThat(answer.status()).as(answer.body()).isEqualTo(201);
            numbers.add(answer.json().get("applicationNumber").asString());
        }
        stack.startKafka();
        stack.startService("catalog");

        // Complete, from a level-3 hospital and dated a month back, each special case is filed at once (即时备案).
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            for (String number : numbers) {
                assertThat(http.get(url("intake", "/api/v1/applications/" + number), tokens.tiemenguanPlatform(),
                        tiemenguan.headers("")).json().get("status").asString()).isEqualTo("APPROVED");
                assertThat(http.get(url("notification", "/api/v1/applications/" + number + "/messages"),
                        tokens.tiemenguanPlatform(), tiemenguan.headers("")).json().size()).isEqualTo(4);
            }
        });
        assertThat(http.get(url("review", "/api/v1/review-cases?regionCode=659006&status=FILED"), reviewer659006())
                .json().valueStream()
                .map(c -> c.get("applicationNumber").asString()).toList()).containsAll(numbers);
        JsonNode filed = http.get(url("review", "/api/v1/review-cases/" + numbers.get(0)), reviewer659006()).json();
        assertThat(filed.path("qualification").path("grantedBy").asString()).isEqualTo("INSTANT_FILING");
        assertThat(filed.path("filing").path("ruleVersion").asString()).isEqualTo("659006-IF-2025.3");

        // The post-check (事后审核): one confirmed, one revoked with the reason the applicant reads.
        assertThat(http.post(url("review", "/api/v1/review-cases/" + numbers.get(0) + "/post-check"),
                reviewer659006(), "{\"outcome\":\"CONFIRMED\"}").json().get("status").asString())
                .isEqualTo("APPROVED");
        assertThat(http.post(url("review", "/api/v1/review-cases/" + numbers.get(1) + "/post-check"),
                reviewer659006(), "{\"outcome\":\"REVOKED\",\"reason\":\"病历资料与申报病种不一致\"}").json()
                .get("status").asString()).isEqualTo("REVOKED");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode revoked = http.get(url("intake", "/api/v1/applications/" + numbers.get(1)),
                    tokens.tiemenguanPlatform(), tiemenguan.headers("")).json();
            assertThat(revoked.get("status").asString()).isEqualTo("QUALIFICATION_REVOKED");
            assertThat(revoked.path("aftermath").path("reason").asString()).isEqualTo("病历资料与申报病种不一致");
        });
    }

    @Test
    @Order(5)
    void aRestartedStackKeepsEveryApplicationCaseAndMessage() {
        stack.stopAll();
        stack.startAll();
        stack.awaitAllHealthy(START);

        // The tokens were issued before the restart: the authorization server kept its signing key.
        JsonNode application = http.get(url("intake", "/api/v1/applications/" + approvedNumber), zhang()).json();
        assertThat(application.get("status").asString()).isEqualTo("APPROVED");
        assertThat(http.get(url("review", "/api/v1/review-cases/" + approvedNumber), reviewer659006()).json()
                .get("status").asString()).isEqualTo("APPROVED");
        assertThat(messages(approvedNumber, zhang())).hasSize(5);
        assertThat(Files.exists(data)).isTrue();
    }

    @Test
    @Order(6)
    void givesEachCaseTheDeadlineItsRegionPromises() {
        String jiuquan = BODY.replace("\"659006\"", "\"620900\"").replace("M01200", "M03900")
                .replace("RESIDENT", "EMPLOYEE").replace("第二师医院", "酒泉市人民医院");
        Http.Answer created = submitWhenCatalogArrived("e2e-" + UUID.randomUUID(), complete(jiuquan, zhang()), zhang());
        assertThat(created.status()).isEqualTo(201);
        String number = created.json().get("applicationNumber").asString();
        String submittedAt = http.get(url("intake", "/api/v1/applications/" + number), zhang()).json()
                .get("submittedAt").asString();
        String reviewer620900 = tokens.person("reviewer-620900");

        // Jiuquan: 20 working days, counted by review from its copy of the catalog's policy and calendar, must be
        // what the catalog's own deadline API answers for the same moment.
        JsonNode promised = http.get(url("catalog", "/api/v1/regions/620900/deadline?workingDays=20&from="
                + URLEncoder.encode(submittedAt, StandardCharsets.UTF_8)), zhang()).json();
        // The first application after the restart: review's consumers may still be joining their group, as after
        // the broker's restart in the fourth step. The wait is as long; the step's subject is the deadline.
        long waitFrom = System.nanoTime();
        try {
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                Http.Answer opened = http.get(url("review", "/api/v1/review-cases/" + number), reviewer620900);
                JsonNode sla = opened.json().get("sla");
                assertThat(sla).as("case %s has a deadline; review answered %d %s", number, opened.status(),
                        opened.body()).isNotNull();
                assertThat(Instant.parse(sla.get("dueAt").asString()))
                        .isEqualTo(OffsetDateTime.parse(promised.get("dueAt").asString()).toInstant());
                assertThat(sla.get("limit").get("kind").asString()).isEqualTo("WORKING_DAYS");
                assertThat(sla.get("provisional").asBoolean()).isEqualTo(promised.get("provisional").asBoolean());
            });
        } catch (ConditionTimeoutException late) {
            Path logs = stack.settings().logsDir();
            throw new AssertionError(late.getMessage() + "\n" + LogEvidence.of(logs, "intake-service", number, true)
                    + LogEvidence.of(logs, "review-service", number, true)
                    + LogEvidence.of(logs, "kafka", "group review-service", false), late);
        }
        System.out.printf("first case after the restart opened with its deadline within %d ms%n",
                Duration.ofNanos(System.nanoTime() - waitFrom).toMillis());
        JsonNode queue = http.get(url("review", "/api/v1/review-cases?regionCode=620900&status=OPEN"),
                reviewer620900).json();
        assertThat(queue.valueStream().map(c -> c.get("applicationNumber").asString()).toList()).contains(number);
        assertThat(queue.valueStream().map(c -> c.get("sla").get("dueAt").asString()).toList()).isSorted();

        // Tiemenguan's special diseases are due at once: the approved case of the second test was due on arrival.
        JsonNode special = http.get(url("review", "/api/v1/review-cases/" + approvedNumber), reviewer659006())
                .json();
        assertThat(special.get("sla").get("limit").get("kind").asString()).isEqualTo("IMMEDIATE");
        assertThat(special.get("sla").get("dueAt").asString()).isEqualTo(special.get("submittedAt").asString());
    }

    /**
     * Every role of the realm with a real token, and the refusals: no token, another person's application, another
     * region's case, a region operator importing elsewhere, a tampered token, metrics without {@code OPS}.
     */
    @Test
    @Order(7)
    void eachRoleDoesWhatItMayAndNothingElse() {
        for (String service : StackSettings.SERVICES) {
            Http.Answer anonymous = http.get(url(service, service.startsWith("catalog") ? "/api/v1/regions"
                    : service.startsWith("review") ? "/api/v1/review-cases"
                    : "/api/v1/applications/" + approvedNumber + (service.startsWith("notification") ? "/messages" : "")));
            assertThat(anonymous.status()).as(service + " without a token").isEqualTo(401);
            assertThat(anonymous.json().get("code").asString()).isEqualTo("TOKEN_MISSING");
            assertThat(http.get(url(service, "/actuator/prometheus"), zhang()).status()).as(service).isEqualTo(403);
            assertThat(http.get(url(service, "/actuator/prometheus"), tokens.prometheus()).status()).isEqualTo(200);
        }
        String tampered = zhang().substring(0, zhang().length() - 4) + "AAAA";
        Http.Answer forged = http.get(url("intake", "/api/v1/applications/" + approvedNumber), tampered);
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.json().get("code").asString()).isEqualTo("TOKEN_INVALID");
        Http.Answer wrongPassword = http.form(stack.settings().authTokenUri(), Map.of("grant_type", "password",
                "client_id", "mtb-cli", "client_secret", "mtb-cli-dev-secret", "username", "applicant-zhang",
                "password", "guess"));
        assertThat(wrongPassword.status()).isEqualTo(400);
        assertThat(wrongPassword.json().get("error").asString()).isEqualTo("invalid_grant");

        // Another applicant neither reads zhang's application nor its messages; another region's reviewer does not
        // find its case.
        String li = tokens.person("applicant-li");
        Http.Answer notYours = http.get(url("intake", "/api/v1/applications/" + approvedNumber), li);
        assertThat(notYours.status()).isEqualTo(404);
        assertThat(notYours.json().get("code").asString()).isEqualTo("APPLICATION_NOT_FOUND");
        assertThat(messages(approvedNumber, li)).isEmpty();
        Http.Answer elsewhere = http.post(url("review", "/api/v1/review-cases/" + approvedNumber + "/decision"),
                tokens.person("reviewer-620900"), "{\"outcome\":\"REJECTED\",\"reasons\":[\"x\"]}");
        assertThat(elsewhere.status()).isEqualTo(404);
        assertThat(elsewhere.json().get("code").asString()).isEqualTo("CASE_NOT_FOUND");

        // A counter clerk of Jiuquan submits for a person at the window; the hotline reads it, masked; the
        // supervisor decides it.
        String atTheWindow = person(BODY, 20).replace("\"659006\"", "\"620900\"").replace("M01200", "M03900")
                .replace("RESIDENT", "EMPLOYEE").replace("第二师医院", "酒泉市人民医院")
                .replace("\"APP\"", "\"SERVICE_WINDOW\"");
        Http.Answer counter = http.post(url("intake", "/api/v1/applications"), tokens.person("clerk-620900"),
                complete(atTheWindow, tokens.person("clerk-620900")), "Idempotency-Key", "window-" + UUID.randomUUID());
        assertThat(counter.status()).as(counter.body()).isEqualTo(201);
        String windowNumber = counter.json().get("applicationNumber").asString();
        Http.Answer hotline = http.get(url("intake", "/api/v1/applications/" + windowNumber),
                tokens.person("hotline-620900"));
        assertThat(hotline.status()).isEqualTo(200);
        assertThat(hotline.body()).doesNotContain("11010519491231002X", "13800138000", "张三");
        assertThat(http.get(url("intake", "/api/v1/applications/" + approvedNumber), tokens.person("hotline-620900"))
                .status()).as("another region's application").isEqualTo(404);
        Http.Answer elsewhereChannel = channelPost(url("intake", "/api/v1/applications"),
                atTheWindow.replace("SERVICE_WINDOW", "APP"), "elsewhere-" + UUID.randomUUID());
        assertThat(elsewhereChannel.status()).isEqualTo(403);
        assertThat(elsewhereChannel.json().get("code").asString()).isEqualTo("REGION_OUT_OF_SCOPE");

        // A channel's request is signed: unsigned, changed on the way or sent again, it is refused.
        String body = uploads.complete(faceChecked(person(BODY, 22)), tokens.tiemenguanPlatform(), tiemenguan);
        String[] signature = tiemenguan.headers(body);
        Http.Answer unsigned = http.post(url("intake", "/api/v1/applications"), tokens.tiemenguanPlatform(), body,
                "Idempotency-Key", "unsigned-" + UUID.randomUUID());
        assertThat(unsigned.json().get("code").asString()).isEqualTo("CHANNEL_SIGNATURE_MISSING");
        Http.Answer changed = http.post(url("intake", "/api/v1/applications"), tokens.tiemenguanPlatform(),
                body.replace("血友病A型", "血友病B型"), withKey(signature, "changed-" + UUID.randomUUID()));
        assertThat(changed.json().get("code").asString()).isEqualTo("CHANNEL_BODY_CHANGED");
        String key = "signed-" + UUID.randomUUID();
        Http.Answer signed = http.post(url("intake", "/api/v1/applications"), tokens.tiemenguanPlatform(), body,
                withKey(signature, key));
        assertThat(signed.status()).as(signed.body()).isEqualTo(201);
        assertThat(signed.json().get("identityVerifiedBy").asString()).isEqualTo("FACE_CHECK");
        Http.Answer replayed = http.post(url("intake", "/api/v1/applications"), tokens.tiemenguanPlatform(), body,
                withKey(signature, key));
        assertThat(replayed.status()).isEqualTo(401);
        assertThat(replayed.json().get("code").asString()).isEqualTo("CHANNEL_NONCE_REPLAYED");

        // Identity: a channel that attests no verification is refused where the region requires one, and
        // Liupanshui takes no real-name account alone: it wants a face check (seed 002) or its equivalents.
        Http.Answer unverified = channelPost(url("intake", "/api/v1/applications"),
                uploads.complete(person(BODY, 21), tokens.tiemenguanPlatform(), tiemenguan),
                "unverified-" + UUID.randomUUID());
        assertThat(unverified.status()).isEqualTo(422);
        assertThat(unverified.json().get("code").asString()).isEqualTo("IDENTITY_VERIFICATION_REQUIRED");
        String liupanshui = BODY.replace("\"659006\"", "\"520200\"").replace("M01200", "M01102");
        Http.Answer realNameOnly = http.post(url("intake", "/api/v1/applications"), zhang(), complete(liupanshui, zhang()),
                "Idempotency-Key", "liupanshui-" + UUID.randomUUID());
        assertThat(realNameOnly.status()).as(realNameOnly.body()).isEqualTo(422);
        assertThat(realNameOnly.json().get("code").asString()).isEqualTo("IDENTITY_VERIFICATION_REQUIRED");
        // Liupanshui's platform attests a face check; the case was diagnosed at the hospital H52020200001, whose
        // reviewer sees it, while the same hospital's reviewer sees nothing of a case diagnosed elsewhere.
        ChannelSigner liupanshuiSigner = new ChannelSigner(stack.settings().channelSecretsFile(),
                "gz-liupanshui-platform");
        String[] numbers = new String[2];
        for (int i = 0; i < 2; i++) {
            String diagnosed = uploads.complete(faceChecked(person(liupanshui, 30 + i).replace("\"level\":3}",
                    "\"level\":3,\"code\":\"" + (i == 0 ? "H52020200001" : "H52020200002") + "\"}")),
                    tokens.liupanshuiPlatform(), liupanshuiSigner);
            Http.Answer accepted = http.post(url("intake", "/api/v1/applications"), tokens.liupanshuiPlatform(),
                    diagnosed, withKey(liupanshuiSigner.headers(diagnosed), "liupanshui-" + i + "-" + UUID.randomUUID()));
            assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
            numbers[i] = accepted.json().get("applicationNumber").asString();
        }
        String hospitalReviewer = tokens.person("reviewer-520200-hospital");
        await().atMost(Duration.ofSeconds(30)).until(() -> http.get(url("review",
                "/api/v1/review-cases/" + numbers[0]), hospitalReviewer).status() == 200);
        assertThat(http.get(url("review", "/api/v1/review-cases?regionCode=520200"), hospitalReviewer).json()
                .valueStream().map(c -> c.get("applicationNumber").asString()).toList())
                .contains(numbers[0]).doesNotContain(numbers[1]);
        assertThat(http.get(url("review", "/api/v1/review-cases/" + numbers[1]), hospitalReviewer).status())
                .isEqualTo(404);
        assertThat(http.get(url("intake", "/api/v1/applications/" + numbers[1]), hospitalReviewer).status())
                .isEqualTo(404);
        Http.Answer byHospital = http.post(url("review", "/api/v1/review-cases/" + numbers[0] + "/decision"),
                hospitalReviewer, Checklists.approval("520200", "M01102"));
        assertThat(byHospital.status()).as(byHospital.body()).isEqualTo(200);

        String supervisor = tokens.person("supervisor-620900");
        await().atMost(Duration.ofSeconds(30)).until(() -> http.get(url("review",
                "/api/v1/review-cases/" + windowNumber), supervisor).status() == 200);
        Http.Answer decided = http.post(url("review", "/api/v1/review-cases/" + windowNumber + "/decision"),
                supervisor, Checklists.approval("620900", "M03900"));
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        assertThat(decided.json().get("decision").get("reviewerId").asString()).isEqualTo("supervisor-620900");

        // A person's account over its requests a second (10 by default) is answered 429 with Retry-After.
        List<Http.Answer> burst = http.getAtOnce(url("intake", "/api/v1/applications/" + approvedNumber), li, 30);
        assertThat(burst).anySatisfy(answer -> {
            assertThat(answer.status()).isEqualTo(429);
            assertThat(answer.header("Retry-After")).isEqualTo("1");
            assertThat(answer.json().get("code").asString()).isEqualTo("RATE_LIMITED");
        });

        // Operators: a region operator imports only for its region (an empty file is refused for what it lacks, so
        // nothing changes); an applicant imports nothing.
        String operator = tokens.person("operator-620900");
        Http.Answer outOfScope = http.post(url("catalog", "/api/v1/regions/659006/versions"), operator, "{}");
        assertThat(outOfScope.status()).isEqualTo(403);
        assertThat(outOfScope.json().get("code").asString()).isEqualTo("REGION_OUT_OF_SCOPE");
        Http.Answer ownRegion = http.post(url("catalog", "/api/v1/regions/620900/versions"), operator, "{}");
        assertThat(ownRegion.status()).isEqualTo(400);
        assertThat(ownRegion.json().get("code").asString()).isEqualTo("INVALID_CATALOG_VERSION");
        Http.Answer applicantImports = http.post(url("catalog", "/api/v1/regions/620900/versions"), zhang(), "{}");
        assertThat(applicantImports.status()).isEqualTo(403);
        assertThat(applicantImports.json().get("code").asString()).isEqualTo("ROLE_NOT_ALLOWED");
    }

    @Test
    @Order(8)
    void walksAnApplicantsJourneyThroughMaterialsSupplementDecisionAndWithdrawal() {
        String jiuquan = BODY.replace("\"659006\"", "\"620900\"").replace("M01200", "M03900")
                .replace("RESIDENT", "EMPLOYEE").replace("第二师医院", "酒泉市人民医院");
        new ApplicantJourney(http, uploads, this::url, zhang(), tokens.person("reviewer-620900")).run(jiuquan);
    }

    @Test
    @Order(9)
    void walksReviewAsJiuquanAndTiemenguanRunIt() throws Exception {
        String clerk = tokens.person("clerk-620900");
        ReviewPaths paths = new ReviewPaths(http, this::url, tokens, body -> {
            Http.Answer answer = http.post(url("intake", "/api/v1/applications"), clerk, complete(body, clerk),
                    "Idempotency-Key", "paths-" + UUID.randomUUID());
            assertThat(answer.status()).as(answer.body()).isEqualTo(201);
            return answer.json().get("applicationNumber").asString();
        }, body -> {
            Http.Answer answer = channelPost(url("intake", "/api/v1/applications"), uploads.complete(faceChecked(body),
                    tokens.tiemenguanPlatform(), tiemenguan), "paths-" + UUID.randomUUID());
            assertThat(answer.status()).as(answer.body()).isEqualTo(201);
            return answer.json().get("applicationNumber").asString();
        });
        paths.jiuquanNoticeAndObjection(person(BODY, 60).replace("\"659006\"", "\"620900\"")
                .replace("M01200", "M03900").replace("RESIDENT", "EMPLOYEE").replace("第二师医院", "酒泉市人民医院")
                .replace("\"APP\"", "\"SERVICE_WINDOW\""));
        paths.tiemenguanExtension(person(BODY, 61).replace("M01200", "M04600"));
        paths.certificate(approvedNumber, zhang());
    }

    @Test
    @Order(10)
    void exposesEveryMetricNamedInTheDashboardsAlertRulesAndDocs() {
        MetricReferences named = MetricReferences.in(MetricReferences.repositoryRoot());
        // Gauges are refreshed every 15 s, and Micrometer looks for new Kafka client metrics every 60 s.
        await().atMost(Duration.ofSeconds(75)).pollInterval(Duration.ofSeconds(5)).untilAsserted(() -> {
            recordExposedMetrics();
            Map<String, Set<String>> missing = named.notExposed(exposed::exposes);
            assertThat(missing).withFailMessage("%s", "No service exposes these metrics on /actuator/prometheus, "
                    + "though they are named where shown (a meter with tags appears at its first use: register it "
                    + "at 0 when the service starts, or have this flow use it):\n" + MetricReferences.describe(missing))
                    .isEmpty();
        });
    }

    @Test
    @Order(11)
    void noCollectionTopicOrLogHoldsThePersonalDataItWasSentInClear() {
        StoredData.Dump dump = StoredData.of(stack.settings().mongoPort(), stack.settings().kafkaBootstrapServers(),
                stack.settings().logsDir());

        assertThat(dump.holding(List.of("11010519491231002X", "11010519491231002x", "张三", "13800138000",
                "需长期替代治疗"))).as("places holding the ID number, name, phone or condition summary in clear")
                .isEmpty();
        assertThat(dump.documentsIn("mongo mtb_intake.applications")).as("the dump read the applications")
                .isGreaterThanOrEqualTo(5);
        assertThat(dump.documentsIn("mongo mtb_review.review_cases")).isGreaterThanOrEqualTo(5);
        assertThat(dump.documentsIn("mongo mtb_notification.messages")).isGreaterThanOrEqualTo(10);
        assertThat(dump.documentsIn("kafka intake.application-submitted")).isGreaterThanOrEqualTo(5);
        assertThat(dump.documentsIn("kafka review.application-decided")).isGreaterThanOrEqualTo(1);
        assertThat(dump.places().get("mongo mtb_intake.applications")).as("sealed, with the masked forms beside")
                .contains("enc:1:", "1101**********002X");
        // Every event of the flow was handled: none was parked on a binding's dead-letter topic after its retries.
        assertThat(StoredData.names(dump.places(), "kafka error.")).as("the dead-letter topics").isNotEmpty()
                .allSatisfy(topic -> assertThat(dump.places().get(topic)).as(topic).isEmpty());
        System.out.printf("dump searched: %d documents in %d collections, %d records in %d topics, %d log files%n",
                dump.documents(), StoredData.names(dump.places(), "mongo ").size(), dump.records(),
                StoredData.names(dump.places(), "kafka ").size(), dump.logFiles());
    }

    /**
     * Submits once intake holds the catalog of the body's region: until then a probe without the applicant's name
     * is refused for its region or disease too (or with 503 before any catalog arrived), not only for the name.
     */
    private Http.Answer submitWhenCatalogArrived(String key, String body, String token) {
        String probe = body.replace("\"name\":\"张三\",", "");
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            Http.Answer answer = http.post(url("intake", "/api/v1/applications"), token, probe, "Idempotency-Key",
                    "probe-" + UUID.randomUUID());
            return answer.status() == 400 && answer.json().get("errors").valueStream()
                    .map(error -> error.get("field").asString()).toList().equals(List.of("applicant.name"));
        });
        return http.post(url("intake", "/api/v1/applications"), token, body, "Idempotency-Key", key);
    }

    private String status(String number, String token) {
        return http.get(url("intake", "/api/v1/applications/" + number), token).json().get("status").asString();
    }

    private List<JsonNode> messages(String number, String token) {
        return http.get(url("notification", "/api/v1/applications/" + number + "/messages"), token).json()
                .valueStream().toList();
    }

    /** A request of Tiemenguan's platform, signed, with its idempotency key. */
    private Http.Answer channelPost(String url, String body, String key) {
        return http.post(url, tokens.tiemenguanPlatform(), body, withKey(tiemenguan.headers(body), key));
    }

    /** The body with the channel's face check of the person, just made. */
    private static String faceChecked(String body) {
        return body.substring(0, body.lastIndexOf('}')) + ",\"identityVerification\":{\"method\":\"FACE_CHECK\","
                + "\"reference\":\"face-" + UUID.randomUUID() + "\",\"verifiedAt\":\"" + Instant.now() + "\"}}";
    }

    private static String[] withKey(String[] signature, String key) {
        String[] headers = java.util.Arrays.copyOf(signature, signature.length + 2);
        headers[signature.length] = "Idempotency-Key";
        headers[signature.length + 1] = key;
        return headers;
    }

    /** The body with its materials, uploaded by the account, and the declaration confirmed. */
    private String complete(String body, String token) {
        return uploads.complete(body, token, null);
    }

    /**
     * The body for another insured person than zhang: a valid resident ID number (checksum per GB 11643) made from
     * {@code n}, so that each gets an application of their own (one open application per person and disease).
     */
    static String person(String body, int n) {
        String first17 = "62090219" + (60 + n % 40) + "0315" + "%03d".formatted(100 + n);
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * weights[i];
        }
        return body.replace("11010519491231002X", first17 + "10X98765432".charAt(sum % 11));
    }

    /** The insured person of {@link #BODY}, applying for himself through the development client. */
    private String zhang() {
        return tokens.person("applicant-zhang");
    }

    private String reviewer659006() {
        return tokens.person("reviewer-659006");
    }

    private double counter(String service, String name) {
        String metrics = http.get(url(service, "/actuator/prometheus"), tokens.prometheus()).body();
        Matcher matcher = Pattern.compile("^" + name + "(\\{[^}]*})? ([0-9.eE+]+)$", Pattern.MULTILINE).matcher(metrics);
        return matcher.find() ? Double.parseDouble(matcher.group(2)) : 0;
    }

    private String url(String service, String path) {
        return stack.settings().serviceUrl(service) + path;
    }
}
