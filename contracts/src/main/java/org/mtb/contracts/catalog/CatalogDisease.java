package org.mtb.contracts.catalog;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mtb.contracts.DiseaseCategory;

/**
 * One disease on a region's list.
 *
 * @param additionalMaterials materials this disease needs besides the region's common ones
 * @param recheckEvery overrides the region's re-check period for this disease; null to keep the region's
 * @param criteria what a reviewer checks for this disease besides the region's checklist; empty for none (and in a
 *        catalog published before checklists)
 */
public record CatalogDisease(
        String code,
        String name,
        DiseaseCategory category,
        List<MaterialRequirement> additionalMaterials,
        @Nullable Period recheckEvery,
        List<ReviewRules.Criterion> criteria) {

    public CatalogDisease {
        additionalMaterials = additionalMaterials == null ? List.of() : List.copyOf(additionalMaterials);
        criteria = criteria == null ? List.of() : List.copyOf(criteria);
    }

    /** A disease without a checklist of its own, as catalogs published before checklists stated it. */
    public CatalogDisease(String code, String name, DiseaseCategory category,
            List<MaterialRequirement> additionalMaterials, @Nullable Period recheckEvery) {
        this(code, name, category, additionalMaterials, recheckEvery, List.of());
    }

    public CatalogDisease(String code, String name, DiseaseCategory category) {
        this(code, name, category, List.of(), null);
    }
}
