package org.mtb.catalog.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mtb.catalog.region.RegionFixtures.DECLARED;
import static org.mtb.catalog.region.RegionFixtures.disease;
import static org.mtb.catalog.region.RegionFixtures.material;
import static org.mtb.catalog.region.RegionFixtures.policy;
import static org.mtb.catalog.region.RegionFixtures.timeLimits;
import static org.mtb.contracts.DiseaseCategory.CHRONIC;
import static org.mtb.contracts.DiseaseCategory.SPECIAL;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mtb.support.web.FieldProblem;
import org.mtb.contracts.InsuranceType;
import org.mtb.contracts.catalog.EffectiveDateRule;
import org.mtb.contracts.catalog.Period;

class RegionFileValidatorTests {

    private static final LocalDate JANUARY_FIRST = LocalDate.of(2025, 1, 1);

    private static RegionFile file(String version, DiseaseCount declared, List<RegionDisease> diseases) {
        return new RegionFile("659006", "铁门关市", "新疆维吾尔自治区", version, JANUARY_FIRST, "seed 003",
                List.of(InsuranceType.EMPLOYEE, InsuranceType.RESIDENT), "seed 003", declared, "seed 003", diseases,
                policy());
    }

    private static RegionFile valid() {
        return file("2025.1", DECLARED, List.of(disease("M01200", "血友病", SPECIAL),
                disease("L659006-006", "高血压Ⅱ期及以上", CHRONIC)));
    }

    @Test
    void acceptsAFileWithNationalAndLocalCodesWithinTheDeclaredCountsAndAFullPolicy() {
        assertThat(RegionFileValidator.validate(valid())).isEmpty();
        assertThat(RegionFileValidator.validate(RegionFixtures.file())).isEmpty();
    }

    @Test
    void reportsDuplicateCodesBadCodesMissingNamesAndTooManyListedAllAtOnce() {
        RegionFile broken = file("2025.1", new DiseaseCount(3, Map.of(SPECIAL, 1)), List.of(
                disease("M01200", "血友病", SPECIAL),
                disease("M01200", "血友病A型", SPECIAL),
                disease("M1200", "再生障碍性贫血", CHRONIC),
                disease("L620900-001", "恶性肿瘤", CHRONIC),
                disease("L659006-1", " ", CHRONIC)));

        assertThat(RegionFileValidator.validate(broken)).containsExactly(
                "diseases[2].code 'M1200' is neither national (M + 5 digits) nor local (L659006-NNN)",
                "diseases[3].code L620900-001 is a local code of another region; a local code here is L659006-NNN",
                "diseases[4].code 'L659006-1' is neither national (M + 5 digits) nor local (L659006-NNN)",
                "diseases[4].name is missing",
                "diseases[1].code repeats M01200 of diseases[0]; a code is unique in its region",
                "declaredDiseaseCount.total is 3, fewer than the 5 diseases listed",
                "declaredDiseaseCount.byCategory.SPECIAL is 1, fewer than the 2 SPECIAL diseases listed");
    }

    @Test
    void reportsEveryMissingFieldOfADisease() {
        RegionFile file = file("2025.1", DECLARED,
                List.of(new RegionDisease(null, null, null, null, null, null, null, null, null, null, null)));

        assertThat(RegionFileValidator.validate(file)).containsExactly(
                "diseases[0].code is missing",
                "diseases[0].name is missing",
                "diseases[0].category is missing",
                "diseases[0].codeSource is missing",
                "diseases[0].nameSource is missing");
    }

    @Test
    void reportsAMalformedRegionCodeAndMissingRegionFields() {
        Policy noReimbursement = new Policy(timeLimits(), true, "s", null, "s", EffectiveDateRule.ON_APPROVAL, "s",
                null, "s", List.of(material("IDENTITY_DOCUMENT")), List.of(), "the seed states none", null, null, null,
                null, null, null, null);
        RegionFile file = new RegionFile("65900", null, " ", "2025.1", null, "seed 003", List.of(), "seed 003",
                DECLARED, "seed 003", List.of(disease("M01200", "血友病", SPECIAL)), noReimbursement);

        assertThat(RegionFileValidator.validate(file)).containsExactly(
                "regionCode must be 6 digits, not '65900'",
                "regionName is missing",
                "province is missing",
                "effectiveFrom is missing",
                "acceptedInsuranceTypes is empty");
    }

    @Test
    void refusesAVersionThatCouldNotBePartOfAUrl() {
        assertThat(RegionFileValidator.problems(file("2026/1 draft", DECLARED, valid().diseases())))
                .extracting(FieldProblem::field, FieldProblem::code)
                .containsExactly(tuple("version", "INVALID_FORMAT"));
    }

    @Test
    void reportsADeclaredSplitThatAddsUpToMoreThanTheTotal() {
        RegionFile file = file("2025.1", new DiseaseCount(10, Map.of(SPECIAL, 6, CHRONIC, 6)),
                List.of(disease("M01200", "血友病", SPECIAL)));

        assertThat(RegionFileValidator.validate(file))
                .containsExactly("declaredDiseaseCount.byCategory adds up to 12, more than the total 10");
    }

    @Test
    void checksTheAdditionalMaterialsAndTheRecheckOfADisease() {
        RegionDisease haemophilia = new RegionDisease("M01200", "血友病", SPECIAL, "national", "seed 003", null,
                List.of(material("IDENTITY_DOCUMENT"), material("FACTOR_TEST"), material("FACTOR_TEST")),
                new Period(0, Period.Unit.YEARS), null, List.of(), null);
        RegionFile file = file("2025.1", DECLARED, List.of(haemophilia));

        assertThat(RegionFileValidator.validate(file)).containsExactly(
                "diseases[0].additionalMaterials[0].type repeats IDENTITY_DOCUMENT of policy.materials[0]",
                "diseases[0].additionalMaterials[2].type repeats FACTOR_TEST of diseases[0].additionalMaterials[1]",
                "diseases[0].recheckEvery.amount must be at least 1",
                "diseases[0].recheckEverySource is missing");
    }

    @Test
    void namesTheFileOfEachProblemAndAVersionDefinedTwice() {
        Map<String, RegionFile> files = new LinkedHashMap<>();
        files.put("659006.json", valid());
        files.put("659006-copy.json", valid());
        files.put("659006-2026.json", file("2026.1", DECLARED, List.of(disease("M01200", null, SPECIAL))));

        assertThat(RegionFileValidator.validate(files)).containsExactly(
                "659006-copy.json: region 659006 version 2025.1 is also in 659006.json; a version is defined once",
                "659006-2026.json: diseases[0].name is missing");
    }
}
