package org.mtb.intake.application;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mtb.contracts.Channel;
import org.mtb.contracts.DiseaseCategory;
import org.mtb.contracts.InsuranceType;
import org.mtb.contracts.catalog.IdentityVerification;
import org.mtb.contracts.intake.Applicant;
import org.mtb.contracts.intake.Hospital;
import org.mtb.contracts.intake.Submitter;
import org.mtb.support.crypto.TestPersonalData;
import org.mtb.support.security.Role;
import org.mtb.support.security.SignedInRequests;
import org.mtb.support.security.TestTokens;
import org.mtb.support.web.FieldProblem;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(ApplicationController.class)
@Import({SignedInRequests.class, TestPersonalData.class, PersonalDataSeals.class})
class ApplicationControllerTests {

    private static final String BODY = """
            {"regionCode":"659006","diseaseCode":"M01200",
             "applicant":{"idNumber":"11010519491231002X","name":"张三","phone":"13800138000","insuranceType":"RESIDENT"},
             "hospital":{"name":"第二师医院","level":3},"conditionSummary":"血友病A型","channel":"APP"}
            """;

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ApplicationService service;

    @MockitoBean
    Applications applications;

    @MockitoBean
    Supplements supplements;

    @MockitoBean
    Withdrawals withdrawals;

    @Autowired
    PersonalDataSeals seals;

    @Test
    void answersCreatedWithTheApplicationMasked() throws Exception {
        given(service.submit(any(), eq("k1"), any())).willReturn(new ApplicationService.Submission(stored(), false));

        mvc.perform(post("/api/v1/applications").header("Idempotency-Key", "k1")
                        .contentType(MediaType.APPLICATION_JSON).content(BODY))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/applications/659006-20261123-000001"))
                .andExpect(header().string("Idempotent-Replayed", "false"))
                .andExpect(jsonPath("$.applicationNumber").value("659006-20261123-000001"))
                .andExpect(jsonPath("$.applicant.idNumber").value("1101**********002X"))
                .andExpect(jsonPath("$.applicant.name").value("张*"))
                .andExpect(jsonPath("$.applicant.phone").value("138****8000"))
                .andExpect(jsonPath("$.timeline[0].status").value("SUBMITTED"));
    }

    @Test
    void answersMalformedJsonWithAProblemNotA500() throws Exception {
        mvc.perform(post("/api/v1/applications").header("Idempotency-Key", "k1")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"regionCode\": "))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("MALFORMED_JSON"));
    }

    @Test
    void namesTheFieldWithAnUnknownEnumValueAndTheAllowedOnes() throws Exception {
        mvc.perform(post("/api/v1/applications").header("Idempotency-Key", "k1")
                        .contentType(MediaType.APPLICATION_JSON).content(BODY.replace("\"RESIDENT\"", "\"RETIRED\"")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].field").value("applicant.insuranceType"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("EMPLOYEE")));
    }

    @Test
    void namesTheFieldWithTheWrongJsonType() throws Exception {
        mvc.perform(post("/api/v1/applications").header("Idempotency-Key", "k1")
                        .contentType(MediaType.APPLICATION_JSON).content(BODY.replace("\"level\":3", "\"level\":{\"x\":1}")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("hospital.level"));
    }

    @Test
    void namesEveryFieldOfTheWrongTypeOrFormAtOnceAndStoresNothing() throws Exception {
        String body = BODY.replace("\"level\":3", "\"level\":\"third\"").replace("\"RESIDENT\"", "[\"RESIDENT\"]")
                .replace("\"channel\":\"APP\"", "\"channel\":\"FAX\",\"materials\":[{\"type\":\"ID_CARD\","
                        + "\"materialIds\":\"m1\",\"issuedOn\":\"2026-02-30\"}]");
        mvc.perform(post("/api/v1/applications").header("Idempotency-Key", "k1")
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.contains(
                        "applicant.insuranceType", "hospital.level", "channel", "materials[0].materialIds",
                        "materials[0].issuedOn")))
                .andExpect(jsonPath("$.errors[*].code").value(org.hamcrest.Matchers.contains(
                        "WRONG_TYPE", "INVALID_VALUE", "INVALID_VALUE", "WRONG_TYPE", "INVALID_VALUE")));
        verifyNoInteractions(service);
    }

    @Test
    void tellsWellFormedJsonOfTheWrongShapeFromMalformedJson() throws Exception {
        mvc.perform(post("/api/v1/applications").header("Idempotency-Key", "k1")
                        .contentType(MediaType.APPLICATION_JSON).content("[]"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_BODY"));
        mvc.perform(post("/api/v1/applications").header("Idempotency-Key", "k1")
                        .contentType(MediaType.APPLICATION_JSON).content(""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("BODY_MISSING"));
    }

    @Test
    void namesTheFieldWithANumberOutOfRange() throws Exception {
        mvc.perform(post("/api/v1/applications").header("Idempotency-Key", "k1")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(BODY.replace("\"level\":3", "\"level\":99999999999999999999")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("hospital.level"))
                .andExpect(jsonPath("$.errors[0].code").value("OUT_OF_RANGE"));
    }

    @Test
    void requiresAnIdempotencyKey() throws Exception {
        mvc.perform(post("/api/v1/applications").contentType(MediaType.APPLICATION_JSON).content(BODY))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("HEADER_MISSING"))
                .andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"));
    }

    @Test
    void listsEveryFieldProblem() throws Exception {
        given(service.submit(any(), eq("k1"), any())).willThrow(ApplicationProblems.invalid(List.of(
                new FieldProblem("applicant.phone", "INVALID_MOBILE_NUMBER", "must be an 11-digit mainland mobile number"),
                new FieldProblem("hospital.level", "HOSPITAL_LEVEL_TOO_LOW", "level 2 or above"))));

        mvc.perform(post("/api/v1/applications").header("Idempotency-Key", "k1")
                        .contentType(MediaType.APPLICATION_JSON).content(BODY))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.type").value("/problems/validation-failed"))
                .andExpect(jsonPath("$.errors.length()").value(2))
                .andExpect(jsonPath("$.errors[1].code").value("HOSPITAL_LEVEL_TOO_LOW"));
    }

    @Test
    void answersAnUnknownApplicationWith404Problem() throws Exception {
        given(applications.find("nope")).willReturn(Optional.empty());

        mvc.perform(get("/api/v1/applications/nope"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("APPLICATION_NOT_FOUND"));
    }

    @Test
    void answersAWrongMediaTypeWithAProblem() throws Exception {
        mvc.perform(post("/api/v1/applications").header("Idempotency-Key", "k1")
                        .contentType(MediaType.TEXT_PLAIN).content("hello"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("UNSUPPORTED_MEDIA_TYPE"));
    }

    @Test
    void anotherAccountsApplicationAnswersAsIfItDidNotExist() throws Exception {
        given(applications.find("659006-20261123-000001")).willReturn(java.util.Optional.of(stored()));

        mvc.perform(get("/api/v1/applications/659006-20261123-000001").header(HttpHeaders.AUTHORIZATION,
                        TestTokens.bearer(TestTokens.applicant("applicant-li", "620902198001011232"))))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("APPLICATION_NOT_FOUND"));
        mvc.perform(get("/api/v1/applications/659006-20261123-000001").header(HttpHeaders.AUTHORIZATION,
                        TestTokens.bearer(TestTokens.applicant("applicant-zhang", "11010519491231002X"))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.applicant.idNumber").value("1101**********002X"));
        mvc.perform(get("/api/v1/applications/659006-20261123-000001").header(HttpHeaders.AUTHORIZATION,
                        TestTokens.bearer(TestTokens.staff(Role.HOTLINE, "hotline-620900", "620900"))))
                .andExpect(status().isNotFound());
    }

    @Test
    void onlyApplicantsChannelsAndCountersSubmitAndNobodyWithoutAToken() throws Exception {
        mvc.perform(post("/api/v1/applications").header("Idempotency-Key", "k1")
                        .header(HttpHeaders.AUTHORIZATION,
                                TestTokens.bearer(TestTokens.staff(Role.REVIEWER, "reviewer-659006", "659006")))
                        .contentType(MediaType.APPLICATION_JSON).content(BODY))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("ROLE_NOT_ALLOWED"));
        mvc.perform(post("/api/v1/applications").header("Idempotency-Key", "k1").header(HttpHeaders.AUTHORIZATION, "")
                        .contentType(MediaType.APPLICATION_JSON).content(BODY))
                .andExpect(status().isUnauthorized()).andExpect(jsonPath("$.code").value("TOKEN_MISSING"));
        org.mockito.BDDMockito.then(service).shouldHaveNoInteractions();
    }

    @Test
    void answersAnApplicationStoredInClearBeforeEncryptionBeganMaskedAsWell() throws Exception {
        Application clear = stored(new Applicant("11010519491231002X", "张三", "13800138000", InsuranceType.RESIDENT,
                null, null), "血友病A型");
        given(applications.find("659006-20261123-000001")).willReturn(Optional.of(clear));

        mvc.perform(get("/api/v1/applications/659006-20261123-000001").header(HttpHeaders.AUTHORIZATION,
                        TestTokens.bearer(TestTokens.applicant("applicant-zhang", "11010519491231002X"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.applicant.idNumber").value("1101**********002X"))
                .andExpect(jsonPath("$.applicant.name").value("张*"))
                .andExpect(jsonPath("$.conditionSummary").value("血友病A型"));
    }

    @Test
    void opensTheSealedConditionSummaryForAReaderAndShowsTheStoredMaskedForms() throws Exception {
        given(applications.find("659006-20261123-000001")).willReturn(Optional.of(stored()));

        mvc.perform(get("/api/v1/applications/659006-20261123-000001"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.applicant.phone").value("138****8000"))
                .andExpect(jsonPath("$.conditionSummary").value("血友病A型"));
    }

    private Application stored() {
        String number = "659006-20261123-000001";
        return stored(seals.seal(number, "11010519491231002X", "张三", "13800138000", InsuranceType.RESIDENT),
                seals.sealConditionSummary(number, "血友病A型"));
    }

    private static Application stored(Applicant applicant, String conditionSummary) {
        Instant at = Instant.parse("2026-11-23T02:00:00Z");
        return new Application("659006-20261123-000001", "k1", "f", "659006", "M01200", "血友病", DiseaseCategory.SPECIAL,
                applicant, new Hospital("第二师医院", 3, null), conditionSummary, Channel.APP, at, ApplicationStatus.SUBMITTED,
                List.of(new TimelineEntry(ApplicationStatus.SUBMITTED, at, "已受理")), List.of(), 0L, List.of(),
                new Submitter("test-caller", "mtb-cli", "APPLICANT"),
                new VerifiedIdentity(IdentityVerification.REAL_NAME_ACCOUNT, null, at, "test-caller"), List.of(),
                new Application.ConfirmedDeclaration(TruthfulnessDeclaration.VERSION, at), List.of(), null, null, null,
                null, null, null, null);
    }
}
