package org.mtb.catalog.region;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mtb.contracts.DiseaseCategory;
import org.mtb.contracts.InsuranceType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(RegionController.class)
@org.springframework.context.annotation.Import(org.mtb.support.security.SignedInRequests.class)
class RegionControllerTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    private static final RegionVersion TIEMENGUAN = new RegionVersion("659006:2025.1", "659006", "铁门关市", "新疆维吾尔自治区",
            "2025.1", "2025-01-01", "seed 003", List.of(InsuranceType.EMPLOYEE, InsuranceType.RESIDENT), "seed 003",
            new DiseaseCount(2, Map.of(DiseaseCategory.SPECIAL, 1, DiseaseCategory.CHRONIC, 1)), "seed 003",
            RegionFixtures.diseases(), RegionFixtures.policy(), Instant.EPOCH, Instant.EPOCH, List.of(), null);

    /** Stored before versions had a policy. */
    private static final RegionVersion JIUQUAN = new RegionVersion("620900:2025.1", "620900", "酒泉市", "甘肃省",
            "2025.1", "2025-01-01", "seed 000", List.of(InsuranceType.EMPLOYEE, InsuranceType.RESIDENT,
                    InsuranceType.FLEXIBLE), "seed 000", new DiseaseCount(68, Map.of()), "seed 000",
            List.of(new RegionDisease("M03900", "高血压", DiseaseCategory.CHRONIC, "national code CONFIRMED", "seed 000",
                    "category assigned by the project", null, null, null, null, null)),
            null, Instant.EPOCH, Instant.EPOCH, List.of(), null);

    @Autowired
    MockMvc mvc;

    @MockitoBean
    RegionCatalog catalog;

    @BeforeEach
    void today() {
        given(catalog.today()).willReturn(TODAY);
        given(catalog.inForce(anyString(), any())).willReturn(Optional.empty());
        given(catalog.inForce("659006", TODAY)).willReturn(Optional.of(TIEMENGUAN));
    }

    @Test
    void listsTheRegionsInForceWithDeclaredAndListedCounts() throws Exception {
        given(catalog.allInForce(TODAY)).willReturn(List.of(JIUQUAN, TIEMENGUAN));

        mvc.perform(get("/api/v1/regions"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].regionCode").value("620900"))
                .andExpect(jsonPath("$[0].declaredDiseaseCount.total").value(68))
                .andExpect(jsonPath("$[0].listedDiseaseCount.total").value(1))
                .andExpect(jsonPath("$[0].listedDiseaseCount.byCategory.CHRONIC").value(1))
                .andExpect(jsonPath("$[0].complete").value(false))
                .andExpect(jsonPath("$[0].acceptedInsuranceTypes[2]").value("FLEXIBLE"))
                .andExpect(jsonPath("$[1].regionCode").value("659006"))
                .andExpect(jsonPath("$[1].complete").value(true));
    }

    @Test
    void answersOneRegion() throws Exception {
        mvc.perform(get("/api/v1/regions/659006"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.regionName").value("铁门关市"))
                .andExpect(jsonPath("$.province").value("新疆维吾尔自治区"))
                .andExpect(jsonPath("$.version").value("2025.1"))
                .andExpect(jsonPath("$.effectiveFrom").value("2025-01-01"))
                .andExpect(jsonPath("$.declaredDiseaseCount.byCategory.SPECIAL").value(1))
                .andExpect(jsonPath("$.listedDiseaseCount.total").value(2))
                .andExpect(jsonPath("$.complete").value(true));
    }

    @Test
    void looksUpTheVersionInForceOnTheDayGivenInAt() throws Exception {
        LocalDate day = LocalDate.of(2025, 6, 1);
        given(catalog.inForce("659006", day)).willReturn(Optional.of(TIEMENGUAN));

        mvc.perform(get("/api/v1/regions/659006").param("at", "2025-06-01"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value("2025.1"));
        then(catalog).should().inForce("659006", day);
    }

    @Test
    void filtersTheDiseasesByCategoryButCountsTheWholeList() throws Exception {
        mvc.perform(get("/api/v1/regions/659006/diseases").param("category", "SPECIAL"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.regionCode").value("659006"))
                .andExpect(jsonPath("$.listedDiseaseCount.total").value(2))
                .andExpect(jsonPath("$.diseases.length()").value(1))
                .andExpect(jsonPath("$.diseases[0].code").value("M01200"))
                .andExpect(jsonPath("$.diseases[0].name").value("血友病"))
                .andExpect(jsonPath("$.diseases[0].category").value("SPECIAL"))
                .andExpect(jsonPath("$.diseases[0].codeSource").value("national code CONFIRMED"))
                .andExpect(jsonPath("$.diseases[0].nameSource").value("seed 003"));
    }

    @Test
    void answersOneDiseaseOfARegion() throws Exception {
        mvc.perform(get("/api/v1/regions/659006/diseases/L659006-006"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("高血压Ⅱ期及以上"))
                .andExpect(jsonPath("$.category").value("CHRONIC"));
    }

    @Test
    void answersADiseaseWithTheMaterialsItAddsItsOwnRecheckAndItsChecklist() throws Exception {
        mvc.perform(get("/api/v1/regions/659006/diseases/M01200"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.additionalMaterials.length()").value(1))
                .andExpect(jsonPath("$.additionalMaterials[0].type").value("COAGULATION_FACTOR_TEST"))
                .andExpect(jsonPath("$.additionalMaterials[0].maxSizeMb").value(5))
                .andExpect(jsonPath("$.additionalMaterials[0].source").value("seed 003"))
                .andExpect(jsonPath("$.recheckEvery.amount").value(2))
                .andExpect(jsonPath("$.recheckEvery.unit").value("YEARS"))
                .andExpect(jsonPath("$.recheckEverySource").value("assumed"))
                .andExpect(jsonPath("$.criteria[0].code").value("FACTOR_LEVEL_CONFIRMS"))
                .andExpect(jsonPath("$.criteria[0].text").value("凝血因子活性检测支持血友病诊断"))
                .andExpect(jsonPath("$.criteriaSource").value("assumed: the factor test"));
        mvc.perform(get("/api/v1/regions/659006/diseases/L659006-006"))
                .andExpect(jsonPath("$.additionalMaterials.length()").value(0))
                .andExpect(jsonPath("$.recheckEvery").value(nullValue()))
                .andExpect(jsonPath("$.criteria.length()").value(0));
    }

    @Test
    void answersThePolicyInForceWithTheSourceOfEveryValue() throws Exception {
        mvc.perform(get("/api/v1/regions/659006/policy"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.regionCode").value("659006"))
                .andExpect(jsonPath("$.version").value("2025.1"))
                .andExpect(jsonPath("$.effectiveFrom").value("2025-01-01"))
                .andExpect(jsonPath("$.policy.reviewTimeLimits[0].category").value("SPECIAL"))
                .andExpect(jsonPath("$.policy.reviewTimeLimits[0].kind").value("IMMEDIATE"))
                .andExpect(jsonPath("$.policy.reviewTimeLimits[1].category").value("CHRONIC"))
                .andExpect(jsonPath("$.policy.reviewTimeLimits[1].workingDays").value(20.0))
                .andExpect(jsonPath("$.policy.reviewTimeLimits[1].source").value("seed 003 20个工作日"))
                .andExpect(jsonPath("$.policy.supplementRestartsClock").value(true))
                .andExpect(jsonPath("$.policy.supplementWithin.amount").value(30))
                .andExpect(jsonPath("$.policy.supplementWithin.unit").value("CALENDAR_DAYS"))
                .andExpect(jsonPath("$.policy.supplementWithinSource")
                        .value("assumed: a month to get a new certificate"))
                .andExpect(jsonPath("$.policy.effectiveDateRule").value("ON_APPROVAL"))
                .andExpect(jsonPath("$.policy.effectiveDateRuleSource").value("seed 003 即时生效"))
                .andExpect(jsonPath("$.policy.materials[0].type").value("IDENTITY_DOCUMENT"))
                .andExpect(jsonPath("$.policy.materials[0].formats[2]").value("PDF"))
                .andExpect(jsonPath("$.policy.reimbursements[1].rateFrom").value(0.85))
                .andExpect(jsonPath("$.policy.reimbursements[1].annualLimitSeveralDiseasesYuan").value(2000));
    }

    @Test
    void answersTheReviewRulesOfThePolicyWithTheSourceOfEveryRule() throws Exception {
        mvc.perform(get("/api/v1/regions/659006/policy"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.policy.review.rejectionReasons[0].code").value("DISEASE_NOT_LISTED"))
                .andExpect(jsonPath("$.policy.review.rejectionReasons[0].text").value("申请病种不在本统筹区门诊慢特病病种范围内"))
                .andExpect(jsonPath("$.policy.review.rejectionReasons[0].source").value("seed 003 病种范围"))
                .andExpect(jsonPath("$.policy.review.criteria[0].code").value("DISEASE_MATCHES_RECORDS"))
                .andExpect(jsonPath("$.policy.review.routing.reviewers").value("BUREAU"))
                .andExpect(jsonPath("$.policy.review.routingSource").value("assumed: the bureau"))
                .andExpect(jsonPath("$.policy.review.extension.by.amount").value(10))
                .andExpect(jsonPath("$.policy.review.extension.atMost").value(1))
                .andExpect(jsonPath("$.policy.review.extensionSource").value("seed 003 遇特殊情况可延长"))
                .andExpect(jsonPath("$.policy.review.instantFiling.categories[0]").value("SPECIAL"))
                .andExpect(jsonPath("$.policy.review.instantFiling.ruleVersion").value("659006-IF-test"))
                .andExpect(jsonPath("$.policy.review.instantFiling.diagnosisWithin.unit").value("MONTHS"))
                .andExpect(jsonPath("$.policy.review.instantFilingSource").value("seed 003 即时备案"))
                .andExpect(jsonPath("$.policy.review.recheckReminderBefore").value(nullValue()))
                .andExpect(jsonPath("$.policy.review.recheckReminderBeforeSource")
                        .value("long-term, nothing to remind of"))
                .andExpect(jsonPath("$.policy.review.designatedInstitutions.institutions[0].code").value("H65900600001"))
                .andExpect(jsonPath("$.policy.review.designatedInstitutions.changesPerYear").value(1))
                .andExpect(jsonPath("$.policy.review.designatedInstitutionsSource").value("assumed: one hospital"));
    }

    @Test
    void looksUpThePolicyInForceOnTheDayGivenInAt() throws Exception {
        mvc.perform(get("/api/v1/regions/659006/policy").param("at", "2024-12-31"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("REGION_NOT_FOUND"));
        then(catalog).should().inForce("659006", LocalDate.of(2024, 12, 31));
        mvc.perform(get("/api/v1/regions/659006/policy").param("at", "31.12.2024"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_DATE"));
    }

    @Test
    void answersAVersionStoredWithoutPolicyWith404Problem() throws Exception {
        given(catalog.inForce("620900", TODAY)).willReturn(Optional.of(JIUQUAN));

        mvc.perform(get("/api/v1/regions/620900/policy"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("POLICY_NOT_FOUND"));
    }

    @Test
    void answersAnUnknownRegionWith404Problem() throws Exception {
        mvc.perform(get("/api/v1/regions/110000"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("REGION_NOT_FOUND"))
                .andExpect(jsonPath("$.type").value("/problems/region-not-found"));
    }

    @Test
    void answersAnUnlistedDiseaseWith404Problem() throws Exception {
        mvc.perform(get("/api/v1/regions/659006/diseases/M99999"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("DISEASE_NOT_FOUND"));
    }

    @Test
    void refusesAnUnknownCategoryNamingTheParameterAndTheAllowedValues() throws Exception {
        mvc.perform(get("/api/v1/regions/659006/diseases").param("category", "RARE"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("INVALID_PARAMETER"))
                .andExpect(jsonPath("$.errors[0].field").value("category"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("SPECIAL, CHRONIC, LOCAL_EXTENSION")));
    }

    @Test
    void refusesAMalformedRegionCode() throws Exception {
        mvc.perform(get("/api/v1/regions/65900x/diseases"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("INVALID_REGION_CODE"))
                .andExpect(jsonPath("$.errors[0].field").value("regionCode"))
                .andExpect(jsonPath("$.errors[0].code").value("INVALID_FORMAT"));
    }

    @Test
    void refusesADateThatIsNotIso() throws Exception {
        mvc.perform(get("/api/v1/regions").param("at", "2025/06/01"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("INVALID_DATE"))
                .andExpect(jsonPath("$.errors[0].field").value("at"));
    }
}
