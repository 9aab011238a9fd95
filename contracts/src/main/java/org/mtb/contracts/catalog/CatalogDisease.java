package org.mtb.contracts.catalog;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mtb.contracts.DiseaseCategory;

/**
 * One disease on a region's list.
 *
 * @param additionalMaterials materials this disease needs besides the region's common ones
 * @param recheckEvery overrides the region's re-check period for this disease; null to keep the region's
 */
public record CatalogDisease(
        String code,
        String name,
        DiseaseCategory category,
        List<MaterialRequirement> additionalMaterials,
        @Nullable Period recheckEvery) {

    public CatalogDisease {
        additionalMaterials = additionalMaterials == null ? List.of() : List.copyOf(additionalMaterials);
    }

    public CatalogDisease(String code, String name, DiseaseCategory category) {
        this(code, name, category, List.of(), null);
    }
}
