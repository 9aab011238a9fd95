package org.mtb.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import tools.jackson.databind.JsonNode;

/**
 * The applicant's journey on the running stack with real tokens (issue 11): an account applies for two family
 * members of Jiuquan; an incomplete submission is told every gap; a second one for the same person and disease is
 * refused; a reviewer asks for a supplement, a partial one is refused, the full one reopens the case with the deadline
 * Jiuquan's policy gives; the case is decided; the other application is withdrawn; my applications lists both; every
 * step's messages reach the account.
 */
final class ApplicantJourney {

    private static final String REGION = "620900";
    private static final String DISEASE = "M03900";

    private final Http http;
    private final Uploads uploads;
    private final BiFunction<String, String, String> url;
    private final String account;
    private final String reviewer;

    ApplicantJourney(Http http, Uploads uploads, BiFunction<String, String, String> url, String account,
            String reviewer) {
        this.http = http;
        this.uploads = uploads;
        this.url = url;
        this.account = account;
        this.reviewer = reviewer;
    }

    void run(String body) {
        String mother = WholeFlowTests.person(body, 40);
        String father = WholeFlowTests.person(body, 41);

        // An upload that is no scan is refused for what it is, and nothing is stored.
        Http.Answer empty = uploads.uploadAnswer(REGION, DISEASE, "ID_CARD", account, null, new byte[0]);
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.json().get("code").asString()).isEqualTo("MATERIAL_EMPTY");
        Http.Answer script = uploads.uploadAnswer(REGION, DISEASE, "ID_CARD", account, null,
                "#!/bin/sh\nrm -rf /\n".getBytes(StandardCharsets.UTF_8));
        assertThat(script.json().get("code").asString()).isEqualTo("MATERIAL_FORMAT_NOT_ALLOWED");

        // Everything missing told at once, with a field error in the same answer.
        String items = uploads.items(REGION, DISEASE, account, null, List.of("DIAGNOSIS_CERTIFICATE",
                "BLOOD_PRESSURE_RECORD"));
        String incomplete = mother.substring(0, mother.lastIndexOf('}')) + ",\"materials\":" + items
                + ",\"declaration\":{\"accepted\":true,\"version\":\"" + uploads.declarationVersion() + "\"}}";
        Http.Answer gaps = submit(incomplete.replace("13800138000", "1380013800"));
        assertThat(gaps.status()).as(gaps.body()).isEqualTo(422);
        assertThat(gaps.json().get("code").asString()).isEqualTo("MATERIALS_INCOMPLETE");
        assertThat(gaps.json().get("materialGaps").valueStream().map(g -> g.get("type").asString() + " "
                + g.get("problem").asString()).toList())
                .containsExactlyInAnyOrder("DIAGNOSIS_CERTIFICATE MISSING", "BLOOD_PRESSURE_RECORD MISSING");
        assertThat(gaps.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList())
                .containsExactly("applicant.phone");

        String motherNumber = submitted(uploads.complete(mother, account, null));
        Http.Answer twice = submit(uploads.complete(mother, account, null));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().get("openApplicationNumber").asString()).isEqualTo(motherNumber);
        String fatherNumber = submitted(uploads.complete(father, account, null));

        // The reviewer returns the mother's case for two items; the account is told, and its case waits.
        await().atMost(Duration.ofSeconds(30)).until(() -> http.get(url.apply("review", "/api/v1/review-cases/"
                + motherNumber), reviewer).status() == 200);
        Http.Answer returned = http.post(url.apply("review", "/api/v1/review-cases/" + motherNumber
                + "/supplement-request"), reviewer, """
                {"items":[{"type":"DIAGNOSIS_CERTIFICATE","reason":"缺少医院公章"},
                          {"type":"BLOOD_PRESSURE_RECORD","reason":"未提供近三个月的血压监测记录"}]}""");
        assertThat(returned.status()).as(returned.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode application = application(motherNumber);
            assertThat(application.get("status").asString()).isEqualTo("SUPPLEMENT_REQUIRED");
            assertThat(application.get("nextStep").get("action").asString()).isEqualTo("SUPPLEMENT");
            assertThat(messages(motherNumber)).anyMatch(m -> m.get("channel").asString().equals("SMS")
                    && m.get("body").asString().contains("需补正材料2项"));
            assertThat(messages(motherNumber)).anyMatch(m -> m.get("channel").asString().equals("IN_APP")
                    && m.get("body").asString().contains("缺少医院公章"));
        });

        String certificate = uploads.uploadAnswer(REGION, DISEASE, "DIAGNOSIS_CERTIFICATE", account, null,
                Uploads.scan(77)).json().get("materialId").asString();
        Http.Answer partial = supplement(motherNumber, "[" + Uploads.item("DIAGNOSIS_CERTIFICATE", certificate) + "]");
        assertThat(partial.status()).isEqualTo(422);
        assertThat(partial.json().get("openItems").valueStream().map(i -> i.get("type").asString()).toList())
                .containsExactly("BLOOD_PRESSURE_RECORD");
        String record = uploads.uploadAnswer(REGION, DISEASE, "BLOOD_PRESSURE_RECORD", account, null,
                Uploads.scan(78)).json().get("materialId").asString();
        Http.Answer supplied = supplement(motherNumber, "[" + Uploads.item("DIAGNOSIS_CERTIFICATE", certificate) + ","
                + Uploads.item("BLOOD_PRESSURE_RECORD", record) + "]");
        assertThat(supplied.status()).as(supplied.body()).isEqualTo(200);
        Instant suppliedAt = Instant.parse(supplied.json().get("supplements").get(0).get("suppliedAt").asString());

        // Jiuquan restarts the clock: the full 20 working days from the supplement, as the catalog counts them.
        JsonNode promised = http.get(url.apply("catalog", "/api/v1/regions/620900/deadline?workingDays=20&from="
                + URLEncoder.encode(suppliedAt.toString(), StandardCharsets.UTF_8)), account).json();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode reopened = http.get(url.apply("review", "/api/v1/review-cases/" + motherNumber), reviewer).json();
            assertThat(reopened.get("status").asString()).isEqualTo("OPEN");
            assertThat(reopened.get("sla").get("revision").asLong()).isEqualTo(2);
            assertThat(Instant.parse(reopened.get("sla").get("dueAt").asString()))
                    .isEqualTo(OffsetDateTime.parse(promised.get("dueAt").asString()).toInstant());
            assertThat(application(motherNumber).get("reviewDueAt").asString())
                    .isEqualTo(reopened.get("sla").get("dueAt").asString());
        });
        Http.Answer content = http.get(url.apply("intake", "/api/v1/materials/" + record + "/content"), reviewer);
        assertThat(content.status()).as("a reviewer of the region reads the supplied scan").isEqualTo(200);

        Http.Answer decided = http.post(url.apply("review", "/api/v1/review-cases/" + motherNumber + "/decision"),
                reviewer, Checklists.approval("620900", "M03900"));
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);

        // The father's application is withdrawn before a decision; the case closes.
        Http.Answer withdrawn = http.post(url.apply("intake", "/api/v1/applications/" + fatherNumber + "/withdrawal"),
                account, "{\"reason\":\"已在线下窗口办理\"}");
        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            // Jiuquan notices an approval publicly (公示) before it takes effect.
            assertThat(application(motherNumber).get("status").asString()).isEqualTo("IN_PUBLIC_NOTICE");
            assertThat(application(motherNumber).get("timeline").valueStream().map(e -> e.get("status").asString())
                    .toList()).startsWith("SUBMITTED", "UNDER_REVIEW", "SUPPLEMENT_REQUIRED", "UNDER_REVIEW",
                            "UNDER_REVIEW", "IN_PUBLIC_NOTICE");
            assertThat(http.get(url.apply("review", "/api/v1/review-cases/" + fatherNumber), reviewer).json()
                    .get("status").asString()).isEqualTo("WITHDRAWN");
            assertThat(messages(motherNumber)).hasSize(8);
            assertThat(messages(fatherNumber)).anyMatch(m -> m.get("body").asString().contains("撤回"));
        });
        assertThat(http.post(url.apply("intake", "/api/v1/applications/" + motherNumber + "/withdrawal"), account,
                "{\"reason\":\"不需要了\"}").json().get("code").asString()).isEqualTo("APPLICATION_ALREADY_ENDED");

        // Zhang applies as the agent (代办) of his grandfather: sealed like an applicant, and told by SMS too.
        String grandfather = WholeFlowTests.person(body, 42).replace("\"name\":\"张三\"", "\"name\":\"张老汉\"")
                .replace("13800138000", "13700137000");
        String grandfatherNumber = submitted(uploads.complete(grandfather.substring(0, grandfather.lastIndexOf('}'))
                + ",\"agent\":{\"idNumber\":\"11010519491231002X\",\"name\":\"张三\",\"phone\":\"13800138000\","
                + "\"relationship\":\"CHILD\"}}", account, null));
        JsonNode byAgent = application(grandfatherNumber);
        assertThat(byAgent.get("agent").get("relationship").asString()).isEqualTo("CHILD");
        assertThat(byAgent.get("agent").get("name").asString()).isEqualTo("张*");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(messages(grandfatherNumber))
                .anyMatch(m -> "AGENT".equals(m.path("addressee").asString())));

        JsonNode mine = http.get(url.apply("intake", "/api/v1/applications?mine&size=50"), account).json();
        assertThat(mine.get("items").valueStream().map(i -> i.get("applicationNumber").asString() + " "
                + i.get("status").asString()).toList())
                .contains(motherNumber + " IN_PUBLIC_NOTICE", fatherNumber + " WITHDRAWN");
        assertThat(mine.get("items").valueStream().map(i -> i.get("applicationNumber").asString()))
                .contains(grandfatherNumber);
    }

    private String submitted(String body) {
        Http.Answer answer = submit(body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().get("applicationNumber").asString();
    }

    private Http.Answer submit(String body) {
        return http.post(url.apply("intake", "/api/v1/applications"), account, body, "Idempotency-Key",
                "journey-" + UUID.randomUUID());
    }

    private Http.Answer supplement(String number, String materials) {
        return http.post(url.apply("intake", "/api/v1/applications/" + number + "/supplements"), account,
                "{\"round\":1,\"materials\":" + materials + "}");
    }

    private JsonNode application(String number) {
        return http.get(url.apply("intake", "/api/v1/applications/" + number), account).json();
    }

    private List<JsonNode> messages(String number) {
        return http.get(url.apply("notification", "/api/v1/applications/" + number + "/messages"), account).json()
                .valueStream().toList();
    }
}
