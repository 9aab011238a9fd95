package org.mtb.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import tools.jackson.databind.JsonNode;

/**
 * Review as the regions run it, on the running jars with real tokens (issue 12): Jiuquan's claim, decision against
 * its checklist, public notice readable without a token, an objection upheld by a supervisor; Tiemenguan's chronic
 * case extended on a supervisor's approval; an approved applicant's electronic certificate and its public check.
 */
final class ReviewPaths {

    private final Http http;
    private final BiFunction<String, String, String> url;
    private final Tokens tokens;
    private final Function<String, String> submittedAtJiuquansWindow;
    private final Function<String, String> submittedByTiemenguansPlatform;

    ReviewPaths(Http http, BiFunction<String, String, String> url, Tokens tokens,
            Function<String, String> submittedAtJiuquansWindow, Function<String, String> submittedByTiemenguansPlatform) {
        this.http = http;
        this.url = url;
        this.tokens = tokens;
        this.submittedAtJiuquansWindow = submittedAtJiuquansWindow;
        this.submittedByTiemenguansPlatform = submittedByTiemenguansPlatform;
    }

    /** Jiuquan: claimed, approved against its checklist, noticed publicly, objected to, the objection upheld. */
    void jiuquanNoticeAndObjection(String body) {
        String number = submittedAtJiuquansWindow.apply(body);
        String reviewer = tokens.person("reviewer-620900");
        String supervisor = tokens.person("supervisor-620900");
        await().atMost(Duration.ofSeconds(30)).until(() -> http.get(url.apply("review", "/api/v1/review-cases/"
                + number), reviewer).status() == 200);
        Http.Answer claimed = http.post(url.apply("review", "/api/v1/review-cases/" + number + "/claim"), reviewer, "");
        assertThat(claimed.status()).as(claimed.body()).isEqualTo(200);
        assertThat(claimed.json().path("claim").path("reviewer").asString()).isEqualTo("reviewer-620900");
        Http.Answer byAnother = http.post(url.apply("review", "/api/v1/review-cases/" + number + "/decision"),
                supervisor, Checklists.approval("620900", "M03900"));
        assertThat(byAnother.json().get("code").asString()).as("only the holder decides").isEqualTo("CASE_CLAIMED");
        Http.Answer unchecked = http.post(url.apply("review", "/api/v1/review-cases/" + number + "/decision"),
                reviewer, "{\"outcome\":\"APPROVED\"}");
        assertThat(unchecked.status()).isEqualTo(400);
        assertThat(unchecked.json().get("errors").get(0).get("field").asString()).isEqualTo("checklist");
        Http.Answer approved = http.post(url.apply("review", "/api/v1/review-cases/" + number + "/decision"),
                reviewer, Checklists.approval("620900", "M03900"));
        assertThat(approved.json().get("status").asString()).as(approved.body()).isEqualTo("IN_PUBLIC_NOTICE");

        JsonNode list = http.get(url.apply("review", "/api/v1/regions/620900/public-notices")).json();
        JsonNode entry = list.get("entries").valueStream()
                .filter(e -> e.get("applicationNumber").asString().equals(number)).findFirst().orElseThrow();
        assertThat(entry.get("name").asString()).isEqualTo("张*");
        assertThat(list.toString()).doesNotContain("张三", "13800138000");

        Http.Answer objected = http.post(url.apply("review", "/api/v1/regions/620900/public-notices/" + number
                + "/objections"), tokens.person("applicant-li"),
                "{\"objectorName\":\"李四\",\"contact\":\"13900139000\",\"statement\":\"申请人并未长期门诊治疗\"}");
        assertThat(objected.status()).as(objected.body()).isEqualTo(201);
        String objection = objected.json().get("objectionId").asString();
        Http.Answer upheld = http.post(url.apply("review", "/api/v1/review-cases/" + number + "/objections/"
                + objection + "/settlement"), supervisor, "{\"upheld\":true,\"reason\":\"经核实，申请人未长期门诊治疗\"}");
        assertThat(upheld.json().get("status").asString()).as(upheld.body()).isEqualTo("OBJECTION_UPHELD");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode application = http.get(url.apply("intake", "/api/v1/applications/" + number),
                    tokens.person("hotline-620900")).json();
            assertThat(application.get("status").asString()).isEqualTo("OBJECTION_UPHELD");
            assertThat(application.toString()).doesNotContain("李四", "13900139000");
        });
    }

    /** Tiemenguan: a reviewer asks to extend a chronic case, a supervisor approves, the deadline moves once. */
    void tiemenguanExtension(String body) {
        String number = submittedByTiemenguansPlatform.apply(body);
        String reviewer = tokens.person("reviewer-659006");
        await().atMost(Duration.ofSeconds(30)).until(() -> http.get(url.apply("review", "/api/v1/review-cases/"
                + number), reviewer).json().path("sla").path("dueAt").isString());
        Instant before = Instant.parse(http.get(url.apply("review", "/api/v1/review-cases/" + number), reviewer).json()
                .get("sla").get("dueAt").asString());
        Http.Answer asked = http.post(url.apply("review", "/api/v1/review-cases/" + number + "/extension-requests"),
                reviewer, "{\"reason\":\"需调取外院病历核实诊断\"}");
        assertThat(asked.status()).as(asked.body()).isEqualTo(200);
        Http.Answer approved = http.post(url.apply("review", "/api/v1/review-cases/" + number
                + "/extension-requests/1/decision"), tokens.person("supervisor-659006"),
                "{\"approved\":true,\"reason\":\"同意延长\"}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        Instant after = Instant.parse(approved.json().get("sla").get("dueAt").asString());
        JsonNode promised = http.get(url.apply("catalog", "/api/v1/regions/659006/deadline?workingDays=10&from="
                + java.net.URLEncoder.encode(before.toString(), java.nio.charset.StandardCharsets.UTF_8)), reviewer)
                .json();
        assertThat(after).as("10 working days later, as the catalog counts them")
                .isEqualTo(java.time.OffsetDateTime.parse(promised.get("dueAt").asString()).toInstant());
        assertThat(http.post(url.apply("review", "/api/v1/review-cases/" + number + "/extension-requests"), reviewer,
                "{\"reason\":\"仍需核实\"}").json().get("code").asString()).isEqualTo("EXTENSION_LIMIT_REACHED");
    }

    /** The holder downloads the certificate of an approved qualification; anybody checks its code without a token. */
    void certificate(String approvedNumber, String holder) throws Exception {
        String qualification = "Q-" + approvedNumber;
        Map.Entry<Integer, byte[]> pdf = http.getBytes(url.apply("review", "/api/v1/qualifications/" + qualification
                + "/certificate"), holder);
        assertThat(pdf.getKey()).isEqualTo(200);
        String text;
        try (PDDocument document = Loader.loadPDF(pdf.getValue())) {
            text = new PDFTextStripper().getText(document);
        }
        assertThat(text).contains("门诊慢特病待遇资格电子凭证", qualification, "张三", "铁门关市", "血友病",
                "报销比例85%");
        Matcher code = Pattern.compile("验证码：([0-9A-Z-]{19})").matcher(text);
        assertThat(code.find()).as(text).isTrue();
        JsonNode verified = http.get(url.apply("review", "/api/v1/certificates/" + qualification + "?code="
                + code.group(1))).json();
        assertThat(verified.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(verified.get("name").asString()).isEqualTo("张*");
        assertThat(http.get(url.apply("review", "/api/v1/certificates/" + qualification + "?code=0000-0000-0000-0000"))
                .status()).isEqualTo(404);
        assertThat(http.getBytes(url.apply("review", "/api/v1/qualifications/" + qualification + "/certificate"),
                tokens.person("applicant-li")).getKey()).as("another person's").isEqualTo(404);
    }
}
