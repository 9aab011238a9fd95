package org.mtb.catalog.region;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mtb.contracts.DiseaseCategory;
import org.mtb.contracts.catalog.Period;

/**
 * One listed disease with where its code and name come from, the evidence it needs besides the region's
 * common materials, and its own re-check period where it has one.
 */
record DiseaseView(String code, String name, DiseaseCategory category, String codeSource, String nameSource,
        @Nullable String categoryNote, List<Material> additionalMaterials, @Nullable Period recheckEvery,
        @Nullable String recheckEverySource) {

    static DiseaseView of(RegionDisease disease) {
        return new DiseaseView(disease.code(), disease.name(), disease.category(), disease.codeSource(),
                disease.nameSource(), disease.categoryNote(), disease.additionalMaterials(), disease.recheckEvery(),
                disease.recheckEverySource());
    }
}
