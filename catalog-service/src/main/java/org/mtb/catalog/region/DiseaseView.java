package org.mtb.catalog.region;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mtb.contracts.DiseaseCategory;
import org.mtb.contracts.catalog.Period;
import org.mtb.contracts.catalog.ReviewRules;

/**
 * One listed disease with where its code and name come from, the evidence it needs besides the region's
 * common materials, its own re-check period where it has one, and what a reviewer checks for it besides the
 * region's checklist, with its source.
 */
record DiseaseView(String code, String name, DiseaseCategory category, String codeSource, String nameSource,
        @Nullable String categoryNote, List<Material> additionalMaterials, @Nullable Period recheckEvery,
        @Nullable String recheckEverySource, List<ReviewRules.Criterion> criteria, @Nullable String criteriaSource) {

    static DiseaseView of(RegionDisease disease) {
        return new DiseaseView(disease.code(), disease.name(), disease.category(), disease.codeSource(),
                disease.nameSource(), disease.categoryNote(), disease.additionalMaterials(), disease.recheckEvery(),
                disease.recheckEverySource(), disease.criteria(), disease.criteriaSource());
    }
}
