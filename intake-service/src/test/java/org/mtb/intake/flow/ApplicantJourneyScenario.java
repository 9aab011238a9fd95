package org.mtb.intake.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
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
import org.mtb.contracts.catalog.EffectiveDateRule;
import org.mtb.contracts.catalog.MaterialRequirement;
import org.mtb.contracts.catalog.Period;
import org.mtb.contracts.catalog.RegionPolicy;
import org.mtb.contracts.catalog.ReviewTimeLimit;
import org.mtb.contracts.intake.ApplicationSubmitted;
import org.mtb.contracts.intake.ApplicationSupplemented;
import org.mtb.contracts.intake.ApplicationWithdrawn;
import org.mtb.contracts.intake.SuppliedMaterial;
import org.mtb.contracts.review.ApplicationDecided;
import org.mtb.contracts.review.DecisionOutcome;
import org.mtb.contracts.review.Recipient;
import org.mtb.contracts.review.SupplementItem;
import org.mtb.contracts.review.SupplementLapsed;
import org.mtb.contracts.review.SupplementRequested;
import org.mtb.stack.KafkaTestClient;
import org.mtb.support.crypto.FieldCipher;
import org.mtb.support.security.ChannelRequests;
import org.mtb.support.security.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The applicant's journey over real sockets: materials uploaded and checked against the region's rules, every gap
 * told at once, one open application per person and disease, my applications, a supplement (补正) asked by review and
 * answered, a lapse, a withdrawal. A family's account applies for its members, each with their own ID number.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ApplicantJourneyScenario {

    static final String REGION = "620900";
    private static final AtomicInteger PEOPLE = new AtomicInteger();

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @Autowired
    FieldCipher cipher;

    @Autowired
    MongoTemplate mongo;

    RestClient http;
    KafkaTestClient kafka;
    /** One account that applies for its family; another that must see none of it. */
    final String family = TestTokens.applicant("applicant-wang", "620902198001011232");
    final String stranger = TestTokens.applicant("applicant-zhao", "110105194912310029");

    abstract String bootstrapServers();

    @BeforeAll
    void publishCatalog() throws Exception {
        http = RestClient.builder().baseUrl("http://127.0.0.1:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { }).build();
        kafka = new KafkaTestClient(bootstrapServers());
        kafka.send(Topics.CATALOG_PUBLISHED, REGION, json.writeValueAsString(catalog()));
        await().atMost(Duration.ofSeconds(30)).until(() -> submit(family, "{}").getStatusCode().value() == 400);
    }

    @AfterAll
    void closeKafka() {
        kafka.close();
    }

    @Test
    void tellsEveryGapAtOnceTakesTheCompleteApplicationAndRefusesASecondOneForTheSameDisease() throws Exception {
        String person = nextIdNumber();
        String idCard = upload(family, "ID_CARD", png(1)).get("materialId").asString();
        String certificate = upload(family, "DIAGNOSIS_CERTIFICATE", png(2)).get("materialId").asString();
        String strangers = upload(stranger, "BLOOD_PRESSURE_RECORD", png(3)).get("materialId").asString();
        assertThat(upload(family, "ID_CARD", png(1)).get("materialId").asString())
                .as("the same bytes again are the same material").isEqualTo(idCard);

        var incomplete = submit(family, body(person, "\"phone\":\"123\"", """
                [{"type":"ID_CARD","materialIds":["%s"]},
                 {"type":"DIAGNOSIS_CERTIFICATE","materialIds":["%s"],"issuedOn":"%s","issuer":{"name":"县医院","level":1}},
                 {"type":"BLOOD_PRESSURE_RECORD","materialIds":["%s"]}]""".formatted(idCard, certificate,
                LocalDate.now().minusMonths(13), strangers)));

        assertThat(incomplete.getStatusCode().value()).isEqualTo(422);
        JsonNode problem = json.readTree(incomplete.getBody());
        assertThat(problem.get("code").asString()).isEqualTo("MATERIALS_INCOMPLETE");
        assertThat(problem.get("materialGaps").valueStream().map(g -> g.get("type").asString() + " "
                + g.get("problem").asString()).toList()).containsExactlyInAnyOrder(
                        "DIAGNOSIS_CERTIFICATE TOO_OLD", "DIAGNOSIS_CERTIFICATE ISSUER_LEVEL_TOO_LOW",
                        "BLOOD_PRESSURE_RECORD NOT_FOUND");
        assertThat(problem.get("materialGaps").get(0).get("name").asString()).isNotBlank();
        assertThat(problem.get("errors").valueStream().map(e -> e.get("field").asString()))
                .as("field errors in the same answer").contains("applicant.phone");

        String record = upload(family, "BLOOD_PRESSURE_RECORD", png(4)).get("materialId").asString();
        LocalDate certified = LocalDate.now().minusMonths(2);
        LocalDate recorded = certified.minusYears(1);
        String complete = body(person, "\"phone\":\"13800138000\"", """
                [{"type":"ID_CARD","materialIds":["%s"]},
                 {"type":"DIAGNOSIS_CERTIFICATE","materialIds":["%s"],"issuedOn":"%s","issuer":{"name":"酒泉市人民医院","level":3}},
                 {"type":"BLOOD_PRESSURE_RECORD","materialIds":["%s"],"issuedOn":"%s","issuer":{"level":1}}]"""
                .formatted(idCard, certificate, certified, record, recorded));
        var accepted = submit(family, complete);
        assertThat(accepted.getStatusCode().value()).as(accepted.getBody()).isEqualTo(201);
        JsonNode application = json.readTree(accepted.getBody());
        String number = application.get("applicationNumber").asString();
        ApplicationSubmitted submitted = await().atMost(Duration.ofSeconds(20)).until(() -> kafka.readAll(
                Topics.APPLICATION_SUBMITTED, Duration.ofSeconds(1)).stream().filter(r -> number.equals(r.key()))
                .map(r -> json.readValue(r.value(), ApplicationSubmitted.class)).findFirst().orElse(null),
                e -> e != null);
        assertThat(submitted.materials()).as("each item's date and issuer level as given, for review's rules")
                .extracting(SuppliedMaterial::type, SuppliedMaterial::issuedOn, SuppliedMaterial::issuerLevel)
                .containsExactly(tuple("ID_CARD", null, null), tuple("DIAGNOSIS_CERTIFICATE", certified, 3),
                        tuple("BLOOD_PRESSURE_RECORD", recorded, 1));
        assertThat(application.get("materials").valueStream().map(m -> m.get("type").asString()).toList())
                .containsExactly("ID_CARD", "DIAGNOSIS_CERTIFICATE", "BLOOD_PRESSURE_RECORD");
        assertThat(application.get("declaration").get("version").asString()).isEqualTo("2026-11-30");
        assertThat(application.get("nextStep").get("action").asString()).isEqualTo("WAIT_FOR_REVIEW");

        var again = submit(family, complete);
        assertThat(again.getStatusCode().value()).isEqualTo(409);
        assertThat(json.readTree(again.getBody()).get("code").asString()).isEqualTo("APPLICATION_ALREADY_OPEN");
        assertThat(json.readTree(again.getBody()).get("openApplicationNumber").asString()).isEqualTo(number);

        JsonNode mine = json.readTree(get("/api/v1/applications?mine", family).getBody());
        assertThat(mine.get("items").get(0).get("applicationNumber").asString()).as("newest first").isEqualTo(number);
        assertThat(mine.get("items").get(0).get("applicantName").asString()).endsWith("*");
        assertThat(json.readTree(get("/api/v1/applications?mine", stranger).getBody()).get("total").asLong())
                .isZero();
        assertThat(get("/api/v1/applications/" + number, stranger).getStatusCode().value()).isEqualTo(404);
        ResponseEntity<String> badSize = get("/api/v1/applications?mine&size=0", family);
        assertThat(badSize.getStatusCode().value()).isEqualTo(400);
        assertThat(json.readTree(badSize.getBody()).get("errors").findValuesAsString("field")).as("only the one at fault")
                .containsExactly("size");
        assertThat(json.readTree(get("/api/v1/applications?mine&page=-1&size=101", family).getBody()).get("errors")
                .findValuesAsString("field")).containsExactly("page", "size");
        assertThat(get("/api/v1/materials/" + idCard, stranger).getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void ofEightSubmissionsAtOnceForOnePersonAndDiseaseExactlyOneIsTaken() throws Exception {
        String body = freshBody(nextIdNumber());
        var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();
        List<java.util.concurrent.Future<ResponseEntity<String>>> sent = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            sent.add(pool.submit(() -> submit(family, body)));
        }
        List<Integer> statuses = new java.util.ArrayList<>();
        for (var answer : sent) {
            statuses.add(answer.get().getStatusCode().value());
        }
        pool.close();

        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
    }

    @Test
    void theSameRequestSentAgainAfterACrashThatStoredOnlyItsClaimIsTakenWhileAnotherStillWaits() throws Exception {
        String body = freshBody(nextIdNumber());
        String key = "key-" + UUID.randomUUID();
        var first = submit(family, body, key);
        assertThat(first.getStatusCode().value()).as(first.getBody()).isEqualTo(201);
        String lost = json.readTree(first.getBody()).get("applicationNumber").asString();
        // What a crash between the two inserts leaves: the person's disease claimed, the application not stored.
        mongo.remove(Query.query(Criteria.where("_id").is(lost)), "applications");
        mongo.updateFirst(Query.query(Criteria.where("applicationNumber").is(lost)),
                new Update().set("claimedAt", Instant.now().minusSeconds(10)), "insured_diseases");

        var other = submit(family, body);
        assertThat(other.getStatusCode().value()).as("another request, while the claim may still be in flight")
                .isEqualTo(409);
        var again = submit(family, body, key);
        assertThat(again.getStatusCode().value()).as(again.getBody()).isEqualTo(201);
        String taken = json.readTree(again.getBody()).get("applicationNumber").asString();
        assertThat(taken).isNotEqualTo(lost);
        var replayed = submit(family, body, key);
        assertThat(json.readTree(replayed.getBody()).get("applicationNumber").asString())
                .as("a third time: the stored one answered").isEqualTo(taken);
        var later = submit(family, body);
        assertThat(later.getStatusCode().value()).isEqualTo(409);
        assertThat(json.readTree(later.getBody()).get("openApplicationNumber").asString()).isEqualTo(taken);
    }

    @Test
    void aSupplementRequestIsAnsweredInFullOnlyAndReopensTheReview() throws Exception {
        String number = applied(nextIdNumber());
        kafka.send(Topics.SUPPLEMENT_REQUESTED, number, json.writeValueAsString(new SupplementRequested(
                UUID.randomUUID(), 1, Instant.now(), number, REGION, "高血压", 1, List.of(
                        new SupplementItem("DIAGNOSIS_CERTIFICATE", "疾病诊断证明", "缺少医院公章"),
                        new SupplementItem("BLOOD_PRESSURE_RECORD", "血压监测记录", "未提供近三个月的监测记录")),
                "expert-1", Instant.now(), Instant.now().plus(30, ChronoUnit.DAYS), recipient(number))));
        await().atMost(Duration.ofSeconds(20)).until(() -> "SUPPLEMENT_REQUIRED".equals(
                json.readTree(get("/api/v1/applications/" + number, family).getBody()).get("status").asString()));
        String newCertificate = upload(family, "DIAGNOSIS_CERTIFICATE", png(10)).get("materialId").asString();

        LocalDate issued = LocalDate.now();
        var partial = supplement(number, family, "{\"materials\":[{\"type\":\"DIAGNOSIS_CERTIFICATE\",\"materialIds\":[\"%s\"],\"issuedOn\":\"%s\",\"issuer\":{\"name\":\"酒泉市人民医院\",\"level\":3}}]}"
                .formatted(newCertificate, issued));
        assertThat(partial.getStatusCode().value()).isEqualTo(422);
        assertThat(json.readTree(partial.getBody()).get("code").asString()).isEqualTo("SUPPLEMENT_INCOMPLETE");
        assertThat(json.readTree(partial.getBody()).get("openItems").valueStream().map(i -> i.get("type").asString()))
                .containsExactly("BLOOD_PRESSURE_RECORD");
        assertThat(supplement(number, stranger, "{}").getStatusCode().value()).isEqualTo(404);

        String newRecord = upload(family, "BLOOD_PRESSURE_RECORD", png(11)).get("materialId").asString();
        String full = ("{\"round\":1,\"materials\":[{\"type\":\"DIAGNOSIS_CERTIFICATE\",\"materialIds\":[\"%s\"],"
                + "\"issuedOn\":\"%s\",\"issuer\":{\"name\":\"酒泉市人民医院\",\"level\":3}},"
                + "{\"type\":\"BLOOD_PRESSURE_RECORD\",\"materialIds\":[\"%s\"]}]}")
                .formatted(newCertificate, issued, newRecord);
        var answered = supplement(number, family, full);
        assertThat(answered.getStatusCode().value()).as(answered.getBody()).isEqualTo(200);
        JsonNode reopened = json.readTree(answered.getBody());
        assertThat(reopened.get("status").asString()).isEqualTo("UNDER_REVIEW");
        assertThat(reopened.get("supplementRounds").asInt()).isEqualTo(1);
        assertThat(reopened.get("materials").get(0).get("materialIds").get(0).asString())
                .as("the submission is kept as it was").isNotEqualTo(newCertificate);
        assertThat(reopened.get("supplements").get(0).get("supplied").size()).isEqualTo(2);
        assertThat(supplement(number, family, full).getStatusCode().value()).as("a second answer").isEqualTo(409);

        ApplicationSupplemented event = await().atMost(Duration.ofSeconds(20)).until(() -> kafka.readAll(
                Topics.APPLICATION_SUPPLEMENTED, Duration.ofSeconds(1)).stream().filter(r -> number.equals(r.key()))
                .map(r -> json.readValue(r.value(), ApplicationSupplemented.class)).findFirst().orElse(null),
                e -> e != null);
        assertThat(event.round()).isEqualTo(1);
        assertThat(event.materials())
                .extracting(SuppliedMaterial::type, SuppliedMaterial::issuedOn, SuppliedMaterial::issuerLevel)
                .containsExactly(tuple("DIAGNOSIS_CERTIFICATE", issued, 3), tuple("BLOOD_PRESSURE_RECORD", null, null));
    }

    @Test
    void aLapsedSupplementEndsTheApplicationAndANewOneMayBeMade() throws Exception {
        String person = nextIdNumber();
        String number = applied(person);
        kafka.send(Topics.SUPPLEMENT_LAPSED, number, json.writeValueAsString(new SupplementLapsed(UUID.randomUUID(), 1,
                Instant.now(), number, REGION, "高血压", 2, Instant.now(), Instant.now(), recipient(number))));
        kafka.send(Topics.SUPPLEMENT_REQUESTED, number, json.writeValueAsString(new SupplementRequested(
                UUID.randomUUID(), 1, Instant.now(), number, REGION, "高血压", 1, List.of(new SupplementItem(
                        "ID_CARD", "身份证正反面", "模糊")), "expert-1", Instant.now(),
                Instant.now().plus(30, ChronoUnit.DAYS), recipient(number))));
        await().atMost(Duration.ofSeconds(20)).until(() -> "SUPPLEMENT_REQUIRED".equals(
                json.readTree(get("/api/v1/applications/" + number, family).getBody()).get("status").asString()));
        assertThat(json.readTree(get("/api/v1/applications/" + number, family).getBody()).get("timeline")
                .valueStream().map(e -> e.get("status").asString()).toList())
                .as("a lapse of a round not asked for changes nothing").doesNotContain("NOT_SUPPLEMENTED");

        kafka.send(Topics.SUPPLEMENT_LAPSED, number, json.writeValueAsString(new SupplementLapsed(UUID.randomUUID(), 1,
                Instant.now(), number, REGION, "高血压", 1, Instant.now(), Instant.now(), recipient(number))));
        await().atMost(Duration.ofSeconds(20)).until(() -> "NOT_SUPPLEMENTED".equals(
                json.readTree(get("/api/v1/applications/" + number, family).getBody()).get("status").asString()));
        assertThat(supplement(number, family, "{}").getStatusCode().value()).as("nothing to supplement now")
                .isEqualTo(409);

        assertThat(applied(person)).isNotEqualTo(number);
    }

    @Test
    void withdrawsAnUndecidedApplicationOnceWithAReasonAndNeverADecidedOneWhichThenOnlyARenewalConcerns()
            throws Exception {
        String person = nextIdNumber();
        String number = applied(person);

        var noReason = withdraw(number, family, "{\"reason\":\"  \"}");
        assertThat(json.readTree(noReason.getBody()).get("code").asString()).isEqualTo("REASON_REQUIRED");
        assertThat(withdraw(number, stranger, "{\"reason\":\"不需要了\"}").getStatusCode().value()).isEqualTo(404);
        var withdrawn = withdraw(number, family, "{\"reason\":\"已在线下窗口办理\"}");
        assertThat(withdrawn.getStatusCode().value()).as(withdrawn.getBody()).isEqualTo(200);
        assertThat(json.readTree(withdrawn.getBody()).get("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(json.readTree(withdraw(number, family, "{\"reason\":\"再次\"}").getBody()).get("code").asString())
                .isEqualTo("APPLICATION_ALREADY_ENDED");
        ApplicationWithdrawn event = await().atMost(Duration.ofSeconds(20)).until(() -> kafka.readAll(
                Topics.APPLICATION_WITHDRAWN, Duration.ofSeconds(1)).stream().filter(r -> number.equals(r.key()))
                .map(r -> json.readValue(r.value(), ApplicationWithdrawn.class)).findFirst().orElse(null),
                e -> e != null);
        assertThat(event.reason()).isEqualTo("已在线下窗口办理");
        assertThat(cipher.open(event.recipient().phone(), SealedField.PHONE.context(number))).isEqualTo("13800138000");
        assertThat(event.recipient().maskedPhone()).isEqualTo("138****8000");

        String decided = applied(person);
        kafka.send(Topics.APPLICATION_DECIDED, decided, json.writeValueAsString(new ApplicationDecided(
                UUID.randomUUID(), 2, Instant.now(), decided, REGION, "M03900", "高血压", DecisionOutcome.APPROVED,
                List.of(), "expert-1", Instant.now(), recipient(decided))));
        await().atMost(Duration.ofSeconds(20)).until(() -> "APPROVED".equals(
                json.readTree(get("/api/v1/applications/" + decided, family).getBody()).get("status").asString()));
        assertThat(withdraw(decided, family, "{\"reason\":\"不需要了\"}").getStatusCode().value()).isEqualTo(409);

        // Held now: a new application for the disease is refused with the qualification; a renewal names it.
        String renewal = freshBody(person);
        var again = submit(family, renewal);
        assertThat(again.getStatusCode().value()).isEqualTo(409);
        assertThat(json.readTree(again.getBody()).get("code").asString()).isEqualTo("QUALIFICATION_ALREADY_HELD");
        assertThat(json.readTree(again.getBody()).get("qualificationNumber").asString()).isEqualTo(decided);
        assertThat(json.readTree(submit(family, kind(renewal, "RENEWAL", null)).getBody()).get("errors").get(0)
                .get("field").asString()).isEqualTo("qualificationNumber");
        assertThat(json.readTree(submit(family, kind(renewal, "RENEWAL", number)).getBody()).get("code").asString())
                .as("the withdrawn application is no qualification").isEqualTo("QUALIFICATION_NOT_HELD");
        var renewed = submit(family, kind(renewal, "RENEWAL", decided));
        assertThat(renewed.getStatusCode().value()).as(renewed.getBody()).isEqualTo(201);
        assertThat(json.readTree(renewed.getBody()).get("kind").asString()).isEqualTo("RENEWAL");
        assertThat(json.readTree(renewed.getBody()).get("qualificationNumber").asString()).isEqualTo(decided);
    }

    private static String kind(String body, String kind, String qualification) {
        return body.substring(0, body.lastIndexOf('}')) + ",\"kind\":\"" + kind + "\""
                + (qualification == null ? "" : ",\"qualificationNumber\":\"" + qualification + "\"") + "}";
    }

    private String freshBody(String person) throws Exception {
        int salt = PEOPLE.incrementAndGet() * 100;
        return body(person, "\"phone\":\"13800138000\"", materials(
                upload(family, "ID_CARD", png(salt + 1)).get("materialId").asString(),
                upload(family, "DIAGNOSIS_CERTIFICATE", png(salt + 2)).get("materialId").asString(),
                upload(family, "BLOOD_PRESSURE_RECORD", png(salt + 3)).get("materialId").asString()));
    }

    @Test
    void aChannelUploadsSignedAndSubmitsForItsUserWithThoseMaterials() throws Exception {
        String channel = TestTokens.channel(ChannelRequests.JIUQUAN, REGION);
        String idCard = channelUpload(channel, "ID_CARD", png(900));
        String certificate = channelUpload(channel, "DIAGNOSIS_CERTIFICATE", png(901));
        String record = channelUpload(channel, "BLOOD_PRESSURE_RECORD", png(902));
        String familys = upload(family, "ID_CARD", png(903)).get("materialId").asString();
        String person = nextIdNumber();

        String foreign = body(person, "\"phone\":\"13800138000\"", materials(familys, certificate, record));
        var refused = http.post().uri("/api/v1/applications").contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", "key-" + UUID.randomUUID()).header(HttpHeaders.AUTHORIZATION,
                        TestTokens.bearer(channel)).headers(h -> ChannelRequests.signed(ChannelRequests.JIUQUAN, foreign)
                        .forEach(h::set)).body(foreign).retrieve().toEntity(String.class);
        assertThat(json.readTree(refused.getBody()).get("materialGaps").get(0).get("problem").asString())
                .as("another account's upload").isEqualTo("NOT_FOUND");

        String own = body(person, "\"phone\":\"13800138000\"", materials(idCard, certificate, record));
        var accepted = http.post().uri("/api/v1/applications").contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", "key-" + UUID.randomUUID()).header(HttpHeaders.AUTHORIZATION,
                        TestTokens.bearer(channel)).headers(h -> ChannelRequests.signed(ChannelRequests.JIUQUAN, own)
                        .forEach(h::set)).body(own).retrieve().toEntity(String.class);
        assertThat(accepted.getStatusCode().value()).as(accepted.getBody()).isEqualTo(201);

        // Verified by the e-voucher, the person need not upload the ID card the region waives for it.
        String byVoucher = body(nextIdNumber(), "\"phone\":\"13800138000\"", materials(idCard, certificate, record)
                .replaceFirst("\\{\"type\":\"ID_CARD\",\"materialIds\":\\[\"[^\"]+\"\\]\\},\\s*", ""));
        byVoucher = byVoucher.substring(0, byVoucher.lastIndexOf('}')) + ",\"identityVerification\":{\"method\":"
                + "\"E_VOUCHER\",\"reference\":\"ev-1\",\"verifiedAt\":\"" + Instant.now() + "\"}}";
        assertThat(byVoucher).doesNotContain("\"ID_CARD\"");
        String voucher = byVoucher;
        var waived = http.post().uri("/api/v1/applications").contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", "key-" + UUID.randomUUID()).header(HttpHeaders.AUTHORIZATION,
                        TestTokens.bearer(channel)).headers(h -> ChannelRequests.signed(ChannelRequests.JIUQUAN, voucher)
                        .forEach(h::set)).body(voucher).retrieve().toEntity(String.class);
        assertThat(waived.getStatusCode().value()).as(waived.getBody()).isEqualTo(201);
        var notWaived = submit(family, voucher.replaceAll(",\"identityVerification\":\\{[^}]*\\}", "")
                .replace(nthPerson(voucher), nextIdNumber()));
        assertThat(json.readTree(notWaived.getBody()).get("materialGaps").valueStream()
                .map(g -> g.get("type").asString() + " " + g.get("problem").asString()).toList())
                .as("without the e-voucher the ID card is asked for").contains("ID_CARD MISSING");
    }

    private String nthPerson(String body) {
        return json.readTree(body).get("applicant").get("idNumber").asString();
    }

    @Test
    void anAgentsApplicationNeedsTheAgentsMaterialsAndKeepsTheAgentSealed() throws Exception {
        String person = nextIdNumber();
        int salt = PEOPLE.incrementAndGet() * 100;
        String materials = materials(upload(family, "ID_CARD", png(salt + 1)).get("materialId").asString(),
                upload(family, "DIAGNOSIS_CERTIFICATE", png(salt + 2)).get("materialId").asString(),
                upload(family, "BLOOD_PRESSURE_RECORD", png(salt + 3)).get("materialId").asString());
        String agent = ",\"agent\":{\"idNumber\":\"620902198001011232\",\"name\":\"王大伟\",\"phone\":\"13912345678\","
                + "\"relationship\":\"CHILD\"}}";
        String withoutAgentPapers = body(person, "\"phone\":\"13800138000\"", materials);
        withoutAgentPapers = withoutAgentPapers.substring(0, withoutAgentPapers.lastIndexOf('}')) + agent;

        var refused = submit(family, withoutAgentPapers);
        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        assertThat(json.readTree(refused.getBody()).get("materialGaps").valueStream()
                .map(g -> g.get("type").asString() + " " + g.get("rule").asString()).toList())
                .containsExactly("AGENT_ID_CARD CONDITIONAL_AGENT_APPLICATION");
        assertThat(json.readTree(submit(family, withoutAgentPapers.replace("\"CHILD\"", "null")
                .replace("620902198001011232", person)).getBody()).get("errors").valueStream()
                .map(e -> e.get("field").asString() + " " + e.get("code").asString()).toList())
                .contains("agent.idNumber AGENT_IS_APPLICANT", "agent.relationship REQUIRED");

        String papers = upload(family, "AGENT_ID_CARD", png(salt + 4)).get("materialId").asString();
        String complete = withoutAgentPapers.replace("\"materials\":[", "\"materials\":[{\"type\":\"AGENT_ID_CARD\","
                + "\"materialIds\":[\"" + papers + "\"]},");
        var accepted = submit(family, complete);
        assertThat(accepted.getStatusCode().value()).as(accepted.getBody()).isEqualTo(201);
        JsonNode view = json.readTree(accepted.getBody());
        assertThat(view.get("agent").get("name").asString()).isEqualTo("王**");
        assertThat(view.get("agent").get("relationship").asString()).isEqualTo("CHILD");
        assertThat(accepted.getBody()).doesNotContain("13912345678", "王大伟", "620902198001011232");
        String number = view.get("applicationNumber").asString();
        var event = await().atMost(Duration.ofSeconds(20)).until(() -> kafka.readAll(Topics.APPLICATION_SUBMITTED,
                Duration.ofSeconds(1)).stream().filter(r -> number.equals(r.key())).map(r -> r.value()).findFirst()
                .orElse(null), v -> v != null);
        assertThat(event).doesNotContain("13912345678", "王大伟", "620902198001011232");
        var submitted = json.readValue(event, ApplicationSubmitted.class);
        assertThat(cipher.open(submitted.agent().phone(), SealedField.AGENT_PHONE.context(number)))
                .isEqualTo("13912345678");
    }

    /** Uploads as a channel does: the multipart body signed like any other. */
    private String channelUpload(String token, String type, byte[] file) {
        byte[] body = ChannelRequests.multipart("scan.png", "image/png", file, java.util.Map.of("type", type,
                "regionCode", REGION, "diseaseCode", "M03900"));
        var answer = http.post().uri("/api/v1/materials").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(token))
                .headers(h -> ChannelRequests.signed(ChannelRequests.JIUQUAN, body).forEach(h::set))
                .contentType(MediaType.parseMediaType(ChannelRequests.MULTIPART_TYPE)).body(body).retrieve()
                .toEntity(String.class);
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(201);
        return json.readTree(answer.getBody()).get("materialId").asString();
    }

    /** A complete application of the person, with fresh uploads. */
    private String applied(String person) throws Exception {
        int salt = PEOPLE.incrementAndGet() * 100;
        String materials = materials(upload(family, "ID_CARD", png(salt + 1)).get("materialId").asString(),
                upload(family, "DIAGNOSIS_CERTIFICATE", png(salt + 2)).get("materialId").asString(),
                upload(family, "BLOOD_PRESSURE_RECORD", png(salt + 3)).get("materialId").asString());
        var accepted = submit(family, body(person, "\"phone\":\"13800138000\"", materials));
        assertThat(accepted.getStatusCode().value()).as(accepted.getBody()).isEqualTo(201);
        return json.readTree(accepted.getBody()).get("applicationNumber").asString();
    }

    private static String materials(String idCard, String certificate, String record) {
        return """
                [{"type":"ID_CARD","materialIds":["%s"]},
                 {"type":"DIAGNOSIS_CERTIFICATE","materialIds":["%s"],"issuedOn":"%s","issuer":{"name":"酒泉市人民医院","level":3}},
                 {"type":"BLOOD_PRESSURE_RECORD","materialIds":["%s"]}]""".formatted(idCard, certificate,
                LocalDate.now().minusMonths(2), record);
    }

    private static String body(String idNumber, String phone, String materials) {
        return """
                {"regionCode":"620900","diseaseCode":"M03900",
                 "applicant":{"idNumber":"%s","name":"王小明",%s,"insuranceType":"EMPLOYEE"},
                 "hospital":{"name":"酒泉市人民医院","level":3},"conditionSummary":"高血压三年","channel":"APP",
                 "materials":%s,"declaration":{"accepted":true,"version":"2026-11-30"}}""".formatted(idNumber, phone,
                materials);
    }

    /** A valid resident ID number of a different person each call (checksum per GB 11643). */
    private static String nextIdNumber() {
        String body = "620902" + "19" + (50 + PEOPLE.incrementAndGet() % 40) + "0101" + "%03d".formatted(
                100 + PEOPLE.get() % 800);
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * weights[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }

    private Recipient recipient(String number) {
        return new Recipient(null, cipher.seal("13800138000", SealedField.PHONE.context(number)), "王*明",
                "138****8000");
    }

    /** A small PNG, different for each seed. */
    private static byte[] png(int seed) throws Exception {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        image.setRGB(seed % 8, (seed / 8) % 8, 0xFFFFFF);
        image.setRGB(0, 0, seed * 7919);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private JsonNode upload(String token, String type, byte[] bytes) {
        var form = new LinkedMultiValueMap<String, Object>();
        form.add("file", new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return "scan.png";
            }
        });
        form.add("type", type);
        form.add("regionCode", REGION);
        form.add("diseaseCode", "M03900");
        var answer = http.post().uri("/api/v1/materials").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(token))
                .contentType(MediaType.MULTIPART_FORM_DATA).body(form).retrieve().toEntity(String.class);
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isIn(200, 201);
        return json.readTree(answer.getBody());
    }

    private ResponseEntity<String> submit(String token, String body) {
        return submit(token, body, "key-" + UUID.randomUUID());
    }

    private ResponseEntity<String> submit(String token, String body, String idempotencyKey) {
        return http.post().uri("/api/v1/applications").contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", idempotencyKey)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(token)).body(body).retrieve().toEntity(String.class);
    }

    private ResponseEntity<String> supplement(String number, String token, String body) {
        return http.post().uri("/api/v1/applications/{n}/supplements", number).contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(token)).body(body).retrieve().toEntity(String.class);
    }

    private ResponseEntity<String> withdraw(String number, String token, String body) {
        return http.post().uri("/api/v1/applications/{n}/withdrawal", number).contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(token)).body(body).retrieve().toEntity(String.class);
    }

    private ResponseEntity<String> get(String uri, String token) {
        return http.get().uri(uri).header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(token)).retrieve()
                .toEntity(String.class);
    }

    /** Jiuquan-shaped: an ID card, a certificate within 12 months from level 2 up, and hypertension's BP record. */
    private static CatalogPublished catalog() {
        List<String> formats = List.of("JPG", "PNG", "PDF");
        RegionPolicy policy = new RegionPolicy(List.of(new ReviewTimeLimit(DiseaseCategory.CHRONIC,
                ReviewTimeLimit.Kind.WORKING_DAYS, BigDecimal.valueOf(20))), true, null, EffectiveDateRule.ON_APPROVAL,
                null, List.of(
                        new MaterialRequirement("ID_CARD", "身份证正反面", MaterialRequirement.Requirement.MANDATORY, null,
                                null, null, formats, 5),
                        new MaterialRequirement("DIAGNOSIS_CERTIFICATE", "疾病诊断证明",
                                MaterialRequirement.Requirement.MANDATORY, null, 12, 2, formats, 5),
                        new MaterialRequirement("AGENT_ID_CARD", "代办人身份证", MaterialRequirement.Requirement.CONDITIONAL,
                                "AGENT_APPLICATION", null, null, formats, 5)),
                List.of(), null, new Period(30, Period.Unit.CALENDAR_DAYS), List.of("ID_CARD"));
        return new CatalogPublished(UUID.randomUUID(), CatalogPublished.SCHEMA_VERSION, Instant.now(), REGION, "酒泉市",
                "2025.2", LocalDate.of(2025, 1, 1), List.of(InsuranceType.EMPLOYEE, InsuranceType.RESIDENT),
                List.of(new CatalogDisease("M03900", "高血压", DiseaseCategory.CHRONIC, List.of(new MaterialRequirement(
                        "BLOOD_PRESSURE_RECORD", "血压监测记录", MaterialRequirement.Requirement.MANDATORY, null, null,
                        null, formats, 5)), null)), policy);
    }
}
