package org.mtb.catalog.region;

import org.mtb.contracts.DiseaseCategory;

/** One listed disease with where its code and name come from. */
record DiseaseView(String code, String name, DiseaseCategory category, String codeSource, String nameSource,
        String categoryNote) {

    static DiseaseView of(RegionDisease disease) {
        return new DiseaseView(disease.code(), disease.name(), disease.category(), disease.codeSource(),
                disease.nameSource(), disease.categoryNote());
    }
}
