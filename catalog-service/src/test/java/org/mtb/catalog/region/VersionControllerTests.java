package org.mtb.catalog.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasSize;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mtb.contracts.DiseaseCategory;
import org.mtb.contracts.InsuranceType;
import org.mtb.contracts.catalog.EffectiveDateRule;
import org.mtb.contracts.catalog.MaterialRequirement.Requirement;
import org.mtb.contracts.catalog.ReviewTimeLimit.Kind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.dao.DuplicateKeyException;
import org.mtb.support.security.Role;
import org.mtb.support.security.SignedInRequests;
import org.mtb.support.security.TestTokens;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The operators' import of a new version: all problems at once, immutable versions, announced when in force. */
@WebMvcTest(VersionController.class)
@Import({VersionImporter.class, VersionControllerTests.FixedClock.class, SignedInRequests.class})
class VersionControllerTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");

    /** Beside the application's system clock, which it overrides for the importer. */
    @TestConfiguration(proxyBeanMethods = false)
    static class FixedClock {

        @Bean
        @Primary
        Clock fixedClock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @MockitoBean
    Regions regions;

    @MockitoBean
    RegionCatalog catalog;

    @MockitoBean
    CatalogAnnouncer announcer;

    @BeforeEach
    void today() {
        given(catalog.today()).willReturn(TODAY);
    }

    private static RegionFile version(String version, LocalDate effectiveFrom) {
        return RegionFixtures.file(version, effectiveFrom, RegionFixtures.diseases(), RegionFixtures.policy());
    }

    private ResultActions post659006(Object body) throws Exception {
        String text = body instanceof String s ? s : json.writeValueAsString(body);
        return mvc.perform(post("/api/v1/regions/659006/versions").contentType(MediaType.APPLICATION_JSON)
                .content(text));
    }

    @Test
    void storesAVersionEffectiveTodayAnswers201WithItsLocationAndAnnouncesIt() throws Exception {
        post659006(version("2026.1", TODAY))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/regions/659006/versions/2026.1"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.regionCode").value("659006"))
                .andExpect(jsonPath("$.version").value("2026.1"))
                .andExpect(jsonPath("$.effectiveFrom").value("2026-11-23"))
                .andExpect(jsonPath("$.storedAt").value("2026-11-23T02:00:00Z"))
                .andExpect(jsonPath("$.policy.reviewTimeLimits[1].workingDays").value(20.0))
                .andExpect(jsonPath("$.diseases[0].additionalMaterials[0].type").value("COAGULATION_FACTOR_TEST"))
                .andExpect(jsonPath("$.diseases[0].criteria[0].code").value("FACTOR_LEVEL_CONFIRMS"))
                .andExpect(jsonPath("$.policy.review.instantFiling.ruleVersion").value("659006-IF-test"));

        ArgumentCaptor<RegionVersion> stored = ArgumentCaptor.forClass(RegionVersion.class);
        then(regions).should().insert(stored.capture());
        assertThat(stored.getValue().id()).isEqualTo("659006:2026.1");
        assertThat(stored.getValue().content()).isEqualTo(version("2026.1", TODAY));
        assertThat(stored.getValue().importedBy()).as("the token's subject").isEqualTo("test-caller");
        then(announcer).should().announceVersionsInForce();
    }

    @Test
    void onlyAnOperatorOfTheRegionOrANationalOneImports() throws Exception {
        String body = json.writeValueAsString(version("2026.1", TODAY));
        mvc.perform(post("/api/v1/regions/659006/versions").contentType(MediaType.APPLICATION_JSON).content(body)
                        .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestTokens.staff(Role.OPERATOR,
                                "operator-620900", "620900"))))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("REGION_OUT_OF_SCOPE"));
        mvc.perform(post("/api/v1/regions/659006/versions").contentType(MediaType.APPLICATION_JSON).content(body)
                        .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestTokens.staff(Role.SUPERVISOR,
                                "supervisor-659006", "659006"))))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("ROLE_NOT_ALLOWED"));
        then(regions).should(never()).insert(any());

        mvc.perform(post("/api/v1/regions/659006/versions").contentType(MediaType.APPLICATION_JSON).content(body)
                        .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestTokens.staff(Role.OPERATOR,
                                "operator-659006", "659006"))))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.importedBy").value("operator-659006"));
    }

    @Test
    void leavesAVersionEffectiveLaterToTheAnnouncersSchedule() throws Exception {
        post659006(version("2027.1", LocalDate.of(2027, 1, 1)))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/regions/659006/versions/2027.1"));

        then(regions).should().insert(any());
        then(announcer).shouldHaveNoInteractions();
    }

    @Test
    void answersEveryProblemOfTheVersionAtOnceAndStoresNothing() throws Exception {
        Policy policy = new Policy(List.of(new TimeLimit(DiseaseCategory.SPECIAL, Kind.WORKING_DAYS, 0.3, "s")),
                true, "s", null, "s", EffectiveDateRule.AFTER_PUBLIC_NOTICE, "s", null, "s",
                List.of(new Material("ID_CARD", "身份证", Requirement.MANDATORY, null, null, null, List.of("GIF"), 5,
                        "s")),
                List.of(new ReimbursementRule(InsuranceType.FLEXIBLE, null, 1.2, 0.9, null, null, null, false, "s")),
                null, null, null, null, null, null, null, null);
        RegionFile broken = new RegionFile("620900", "铁门关市", "新疆维吾尔自治区", "2026.1", TODAY.minusDays(1),
                "seed 003", List.of(InsuranceType.EMPLOYEE, InsuranceType.RESIDENT), "seed 003",
                RegionFixtures.DECLARED, "seed 003", RegionFixtures.diseases(), policy);

        post659006(broken)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("INVALID_CATALOG_VERSION"))
                .andExpect(jsonPath("$.type").value("/problems/invalid-catalog-version"))
                .andExpect(jsonPath("$.errors", hasSize(9)))
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder(
                        "diseases[1].code",
                        "policy.reviewTimeLimits[0].workingDays",
                        "policy.reviewTimeLimits",
                        "policy.publicNotice",
                        "policy.materials[0].formats[0]",
                        "policy.reimbursements[0].insuranceType",
                        "policy.reimbursements[0].rateFrom",
                        "regionCode",
                        "effectiveFrom")))
                .andExpect(jsonPath("$.errors[?(@.field == 'effectiveFrom')].code").value("IN_THE_PAST"))
                .andExpect(jsonPath("$.errors[?(@.field == 'regionCode')].code").value("INCONSISTENT"));

        then(regions).shouldHaveNoInteractions();
        then(announcer).shouldHaveNoInteractions();
    }

    @Test
    void answersEveryProblemOfTheReviewRulesByItsPathAndStoresNothing() throws Exception {
        ObjectNode body = (ObjectNode) json.valueToTree(version("2026.1", TODAY));
        ObjectNode review = (ObjectNode) body.get("policy").get("review");
        ((ObjectNode) review.get("rejectionReasons").get(1)).put("code", "DISEASE_NOT_LISTED");
        ((ObjectNode) review.get("routing")).put("panelSize", 2);
        ((ObjectNode) review.get("extension")).put("atMost", 0);
        ((ObjectNode) review.get("instantFiling")).putArray("categories").add("CHRONIC");
        review.put("designatedInstitutionsSource", " ");
        ((ObjectNode) body.get("diseases").get(0)).putNull("criteriaSource");

        post659006(body.toString())
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_CATALOG_VERSION"))
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder(
                        "diseases[0].criteriaSource",
                        "policy.review.rejectionReasons[1].code",
                        "policy.review.routing.panelSize",
                        "policy.review.extension.atMost",
                        "policy.review.instantFiling.categories[0]",
                        "policy.review.designatedInstitutionsSource")));

        then(regions).shouldHaveNoInteractions();
    }

    @Test
    void refusesToOverwriteAStoredVersionWith409() throws Exception {
        RegionFile existing = version("2025.1", LocalDate.of(2025, 1, 1));
        given(regions.find("659006:2026.1")).willReturn(Optional.of(RegionFixtures.stored(existing)));

        post659006(version("2026.1", TODAY))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("VERSION_EXISTS"));

        then(regions).should().find("659006:2026.1");
        then(regions).shouldHaveNoMoreInteractions();
    }

    @Test
    void answers409WhenAnotherImportStoredTheSameVersionMeanwhile() throws Exception {
        willThrow(new DuplicateKeyException("E11000 duplicate key")).given(regions).insert(any());

        post659006(version("2026.1", TODAY))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("VERSION_EXISTS"));

        then(announcer).shouldHaveNoInteractions();
    }

    @Test
    void answersMalformedJsonWithAProblemNotA500() throws Exception {
        post659006("{\"regionCode\": \"659006\", \"version\": ")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("MALFORMED_JSON"));

        then(regions).shouldHaveNoInteractions();
    }

    @Test
    void refusesABodyThatIsNotJson() throws Exception {
        mvc.perform(post("/api/v1/regions/659006/versions").contentType(MediaType.TEXT_PLAIN).content("2026.1"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("UNSUPPORTED_MEDIA_TYPE"));
    }

    @Test
    void readsAStoredVersionBackAndAnswers404ForAnUnknownOne() throws Exception {
        given(regions.find("659006:2025.1"))
                .willReturn(Optional.of(RegionFixtures.stored(version("2025.1", LocalDate.of(2025, 1, 1)))));

        mvc.perform(get("/api/v1/regions/659006/versions/2025.1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value("2025.1"))
                .andExpect(jsonPath("$.policy.effectiveDateRule").value("ON_APPROVAL"));
        mvc.perform(get("/api/v1/regions/659006/versions/1999.1"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("VERSION_NOT_FOUND"));
    }
}
