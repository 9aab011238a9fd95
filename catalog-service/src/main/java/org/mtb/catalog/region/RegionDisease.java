package org.mtb.catalog.region;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mtb.contracts.DiseaseCategory;
import org.mtb.contracts.catalog.CatalogDisease;
import org.mtb.contracts.catalog.Period;
import org.mtb.contracts.catalog.ReviewRules;

/**
 * One disease on a region's list.
 *
 * @param categoryNote set only where the category is the project's own assignment, not the source's
 * @param additionalMaterials evidence this disease needs besides the region's common materials; none if omitted
 * @param recheckEvery overrides the region's re-check period; null to keep the region's
 * @param recheckEverySource required with {@code recheckEvery}; may also stand alone, to record that a source
 *        names a re-check for this disease without a period
 * @param criteria what a reviewer checks for this disease besides the region's checklist; none if omitted
 * @param criteriaSource required with {@code criteria}
 */
record RegionDisease(
        String code,
        String name,
        DiseaseCategory category,
        String codeSource,
        String nameSource,
        @Nullable String categoryNote,
        List<Material> additionalMaterials,
        @Nullable Period recheckEvery,
        @Nullable String recheckEverySource,
        List<ReviewRules.Criterion> criteria,
        @Nullable String criteriaSource) {

    RegionDisease {
        additionalMaterials = additionalMaterials == null ? List.of() : additionalMaterials;
        criteria = criteria == null ? List.of() : criteria;
    }

    CatalogDisease toContract() {
        return new CatalogDisease(code, name, category,
                additionalMaterials.stream().map(Material::toContract).toList(), recheckEvery, criteria);
    }
}
