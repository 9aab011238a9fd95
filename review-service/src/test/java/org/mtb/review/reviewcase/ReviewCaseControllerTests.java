package org.mtb.review.reviewcase;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import org.hamcrest.Matchers;
import org.mtb.review.calendar.RegionCalendars;
import org.junit.jupiter.api.Test;
import org.mtb.support.crypto.PersonalDataAccessLog;
import org.mtb.support.crypto.TestPersonalData;
import org.mtb.contracts.Channel;
import org.mtb.contracts.DiseaseCategory;
import org.mtb.contracts.InsuranceType;
import org.mtb.contracts.intake.Applicant;
import org.mtb.contracts.intake.Hospital;
import org.mtb.contracts.review.DecisionOutcome;
import org.mtb.support.security.Role;
import org.mtb.support.security.SignedInRequests;
import org.mtb.support.security.TestTokens;
import org.springframework.http.HttpHeaders;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(ReviewCaseController.class)
@org.springframework.context.annotation.Import({SignedInRequests.class, TestPersonalData.class,
        CasePersonalData.class})
class ReviewCaseControllerTests {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ReviewCases cases;

    @MockitoBean
    SupplementRequests supplements;

    @MockitoBean
    RegionCalendars calendars;

    @MockitoBean
    PersonalDataAccessLog accessLog;

    @Test
    void listsTheQueueWithPersonalDataMasked() throws Exception {
        given(cases.page(any(), eq(new QueueFilter("659006", CaseStatus.OPEN, null, null, null, null)), eq(null),
                eq(100))).willReturn(new ReviewCases.QueuePage(List.of(openCase()), null));

        mvc.perform(get("/api/v1/review-cases").param("regionCode", "659006").param("status", "OPEN"))
                .andExpect(status().isOk())
                .andExpect(header().doesNotExist(HttpHeaders.LINK))
                .andExpect(jsonPath("$[0].applicationNumber").value("659006-20261123-000001"))
                .andExpect(jsonPath("$[0].applicant.idNumber").value("1101**********002X"))
                .andExpect(jsonPath("$[0].applicant.phone").value("138****8000"))
                .andExpect(content().string(Matchers.not(Matchers.containsString("13800138000"))));
    }

    @Test
    void linksTheNextPageWithACursorAfterTheLastCaseAndKeepsTheFilter() throws Exception {
        ReviewCase last = openCase();
        given(cases.page(any(), eq(new QueueFilter("659006", null, null, DiseaseCategory.SPECIAL, null,
                QueueFilter.ClaimFilter.UNCLAIMED)), eq(null), eq(1)))
                .willReturn(new ReviewCases.QueuePage(List.of(last), QueueCursor.after(last)));

        String link = mvc.perform(get("/api/v1/review-cases?regionCode=659006&category=SPECIAL&claim=UNCLAIMED&limit=1"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getHeader(HttpHeaders.LINK);

        org.assertj.core.api.Assertions.assertThat(link).endsWith("; rel=\"next\"").contains("category=SPECIAL")
                .contains("claim=UNCLAIMED").contains("cursor=" + QueueCursor.after(last).token());
        org.assertj.core.api.Assertions.assertThat(QueueCursor.parse(QueueCursor.after(last).token()))
                .contains(QueueCursor.after(last));
    }

    @Test
    void refusesACursorItDidNotGiveAndALimitOutOfRange() throws Exception {
        mvc.perform(get("/api/v1/review-cases").param("cursor", "not-a-cursor"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("cursor"));
        mvc.perform(get("/api/v1/review-cases").param("limit", "501"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("limit"));
    }

    @Test
    void refusesAnUnknownStatusNamingTheAllowedOnes() throws Exception {
        mvc.perform(get("/api/v1/review-cases").param("status", "PENDING"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("status"))
                .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("OPEN")));
    }

    @Test
    void refusesAMalformedRegionCode() throws Exception {
        mvc.perform(get("/api/v1/review-cases").param("regionCode", "62"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("regionCode"));
    }

    @Test
    void answersADecisionOnADecidedCaseWith409() throws Exception {
        ReviewCase decided = new ReviewCase("659006-20261123-000001", "e", "659006", "M01200", "血友病",
                DiseaseCategory.SPECIAL, openCase().applicant(), openCase().hospital(), "x", Channel.APP, Instant.EPOCH,
                Instant.EPOCH, CaseStatus.APPROVED,
                new Decision(DecisionOutcome.APPROVED, List.of(), "expert-1", Instant.EPOCH, null, null), null, null, 0L, List.of(),
                List.of(), null, null, null, null, null, null, null, null, null);
        given(cases.decide(any(), eq("659006-20261123-000001"), any())).willThrow(CaseProblems.alreadyDecided(decided));

        mvc.perform(post("/api/v1/review-cases/659006-20261123-000001/decision").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"outcome\":\"REJECTED\",\"reasons\":[\"x\"]}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("CASE_ALREADY_DECIDED"));
    }

    @Test
    void refusesAnUnknownOutcome() throws Exception {
        mvc.perform(post("/api/v1/review-cases/659006-20261123-000001/decision").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"outcome\":\"MAYBE\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("outcome"));
    }

    @Test
    void answersAnUnknownCaseWith404() throws Exception {
        given(cases.find(any(), eq("659006-20261123-000009"))).willReturn(java.util.Optional.empty());

        mvc.perform(get("/api/v1/review-cases/659006-20261123-000009"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("CASE_NOT_FOUND"));
    }

    @Test
    void onlyReviewersAndSupervisorsReachTheQueue() throws Exception {
        mvc.perform(get("/api/v1/review-cases").header(HttpHeaders.AUTHORIZATION,
                        TestTokens.bearer(TestTokens.applicant("applicant-zhang", "11010519491231002X"))))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("ROLE_NOT_ALLOWED"));
        mvc.perform(post("/api/v1/review-cases/659006-20261123-000001/decision").header(HttpHeaders.AUTHORIZATION,
                        TestTokens.bearer(TestTokens.staff(Role.HOTLINE, "h", "659006")))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"outcome\":\"APPROVED\"}"))
                .andExpect(status().isForbidden());
        org.mockito.BDDMockito.then(cases).shouldHaveNoInteractions();
    }

    private static ReviewCase openCase() {
        return new ReviewCase("659006-20261123-000001", "e", "659006", "M01200", "血友病", DiseaseCategory.SPECIAL,
                new Applicant("11010519491231002X", "张三", "13800138000", InsuranceType.RESIDENT, null, null),
                new Hospital("第二师医院", 3, null), "血友病A型", Channel.APP, Instant.EPOCH, Instant.EPOCH, CaseStatus.OPEN, null,
                null, null, 0L, List.of(), List.of(), null, null, null, null, null, null, null, null, null);
    }
}
