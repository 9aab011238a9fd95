package org.mtb.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mtb.contracts.catalog.CatalogDisease;
import org.mtb.contracts.catalog.MaterialRequirement;
import org.mtb.contracts.catalog.MaterialRequirement.Requirement;

class MaterialRequirementTests {

    private static MaterialRequirement rule(String type, List<String> formats) {
        return new MaterialRequirement(type, type, Requirement.MANDATORY, null, null, null, formats, 5);
    }

    @Test
    void aDiseasesOwnMaterialReplacesTheRegionsOfTheSameTypeAndAddsTheOthers() {
        List<MaterialRequirement> region = List.of(rule("ID_CARD", List.of("JPG")), rule("RECORDS", List.of("PDF")));
        CatalogDisease disease = new CatalogDisease("M03900", "高血压", DiseaseCategory.CHRONIC,
                List.of(rule("RECORDS", List.of("PDF", "JPG")), rule("BLOOD_PRESSURE_RECORD", List.of("PNG"))), null);

        var byType = MaterialRequirement.byType(region, disease);

        assertThat(byType.keySet()).containsExactly("ID_CARD", "RECORDS", "BLOOD_PRESSURE_RECORD");
        assertThat(byType.get("RECORDS").formats()).containsExactly("PDF", "JPG");
        assertThat(MaterialRequirement.byType(region, null).keySet()).containsExactly("ID_CARD", "RECORDS");
    }
}
