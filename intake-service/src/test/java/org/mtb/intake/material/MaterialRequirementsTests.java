package org.mtb.intake.material;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mtb.intake.material.MaterialSamples.requirement;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mtb.contracts.DiseaseCategory;
import org.mtb.contracts.catalog.CatalogDisease;
import org.mtb.intake.catalog.RegionCatalog;
import org.mtb.support.web.ApiException;
import org.springframework.http.HttpStatus;

class MaterialRequirementsTests {

    private static final CatalogDisease HAEMOPHILIA = new CatalogDisease("M01200", "血友病", DiseaseCategory.SPECIAL,
            List.of(requirement("FACTOR_ASSAY", 10, "PDF"), requirement("ID_CARD", 2, "JPG")), null);
    private static final RegionCatalog REGION = MaterialSamples.region("659006",
            List.of(requirement("ID_CARD", 5, "JPG", "PNG"), requirement("DIAGNOSIS_CERTIFICATE", 5, "PDF")),
            HAEMOPHILIA);

    @Test
    void findsTheRegionsRequirementOfAType() {
        assertThat(MaterialRequirements.of(REGION, "DIAGNOSIS_CERTIFICATE", null).formats()).containsExactly("PDF");
    }

    @Test
    void allowsADiseasesAdditionalMaterialOnlyWhenTheDiseaseIsNamed() {
        assertThat(MaterialRequirements.of(REGION, "FACTOR_ASSAY", "M01200").maxSizeMb()).isEqualTo(10);
        assertThatThrownBy(() -> MaterialRequirements.of(REGION, "FACTOR_ASSAY", null))
                .isInstanceOfSatisfying(ApiException.class, refusal -> {
                    assertThat(refusal.code()).isEqualTo("MATERIAL_TYPE_UNKNOWN");
                    assertThat(refusal.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
                    assertThat(refusal.getMessage()).contains("FACTOR_ASSAY", "region 659006",
                            "known types: ID_CARD, DIAGNOSIS_CERTIFICATE");
                    assertThat(refusal.fieldProblems().getFirst().field()).isEqualTo("type");
                });
    }

    @Test
    void takesTheDiseasesStatementOfAMaterialTheRegionListsToo() {
        assertThat(MaterialRequirements.of(REGION, "ID_CARD", "M01200").maxSizeMb()).isEqualTo(2);
        assertThat(MaterialRequirements.of(REGION, "ID_CARD", null).maxSizeMb()).isEqualTo(5);
    }

    @Test
    void refusesAnUnknownTypeNamingTypeAndRegion() {
        assertThatThrownBy(() -> MaterialRequirements.of(REGION, "SELFIE", "M01200"))
                .isInstanceOfSatisfying(ApiException.class, refusal -> assertThat(refusal.getMessage())
                        .contains("SELFIE", "region 659006 and disease M01200"));
    }

    @Test
    void refusesADiseaseNotOnTheRegionsList() {
        assertThatThrownBy(() -> MaterialRequirements.of(REGION, "ID_CARD", "X99999"))
                .isInstanceOfSatisfying(ApiException.class, refusal -> {
                    assertThat(refusal.code()).isEqualTo("DISEASE_NOT_LISTED");
                    assertThat(refusal.fieldProblems().getFirst().field()).isEqualTo("diseaseCode");
                });
    }
}
