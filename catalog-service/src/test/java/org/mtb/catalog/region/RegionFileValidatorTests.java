package org.mtb.catalog.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mtb.contracts.DiseaseCategory.CHRONIC;
import static org.mtb.contracts.DiseaseCategory.SPECIAL;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mtb.contracts.DiseaseCategory;
import org.mtb.contracts.InsuranceType;

class RegionFileValidatorTests {

    private static final DiseaseCount DECLARED = new DiseaseCount(30, Map.of(SPECIAL, 7, CHRONIC, 23));

    private static RegionDisease disease(String code, String name, DiseaseCategory category) {
        return new RegionDisease(code, name, category, "seed 003 / national table", "seed 003", null);
    }

    private static RegionFile file(String version, DiseaseCount declared, List<RegionDisease> diseases) {
        return new RegionFile("659006", "铁门关市", "新疆维吾尔自治区", version, LocalDate.of(2025, 1, 1), "seed 003",
                List.of(InsuranceType.EMPLOYEE, InsuranceType.RESIDENT), "seed 003", declared, "seed 003", diseases);
    }

    private static RegionFile valid() {
        return file("2025.1", DECLARED, List.of(disease("M01200", "血友病", SPECIAL),
                disease("L659006-006", "高血压Ⅱ期及以上", CHRONIC)));
    }

    @Test
    void acceptsAFileWithNationalAndLocalCodesWithinTheDeclaredCounts() {
        assertThat(RegionFileValidator.validate(valid())).isEmpty();
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
                "diseases[2]: code 'M1200' is neither national (M + 5 digits) nor local (L659006-NNN)",
                "diseases[3]: local code L620900-001 must carry the region code, L659006-NNN",
                "diseases[4]: code 'L659006-1' is neither national (M + 5 digits) nor local (L659006-NNN)",
                "diseases[4].name is missing",
                "code M01200 is listed 2 times; a code is unique in its region",
                "lists 5 diseases, more than the declared total 3",
                "lists 2 SPECIAL diseases, more than the declared 1");
    }

    @Test
    void reportsEveryMissingFieldOfADisease() {
        RegionFile file = file("2025.1", DECLARED, List.of(new RegionDisease(null, null, null, null, null, null)));

        assertThat(RegionFileValidator.validate(file)).containsExactly(
                "diseases[0].code is missing",
                "diseases[0].name is missing",
                "diseases[0].category is missing",
                "diseases[0].codeSource is missing",
                "diseases[0].nameSource is missing");
    }

    @Test
    void reportsAMalformedRegionCodeAndMissingRegionFields() {
        RegionFile file = new RegionFile("65900", null, " ", "2025.1", null, "seed 003", List.of(), "seed 003",
                DECLARED, "seed 003", List.of(disease("M01200", "血友病", SPECIAL)));

        assertThat(RegionFileValidator.validate(file)).containsExactly(
                "regionCode '65900' must be 6 digits",
                "regionName is missing",
                "province is missing",
                "effectiveFrom is missing",
                "acceptedInsuranceTypes is empty");
    }

    @Test
    void reportsADeclaredSplitThatAddsUpToMoreThanTheTotal() {
        RegionFile file = file("2025.1", new DiseaseCount(10, Map.of(SPECIAL, 6, CHRONIC, 6)),
                List.of(disease("M01200", "血友病", SPECIAL)));

        assertThat(RegionFileValidator.validate(file))
                .containsExactly("declaredDiseaseCount.byCategory adds up to 12, more than the total 10");
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
