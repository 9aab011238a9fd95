package org.mtb.catalog.region;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.mtb.contracts.DiseaseCategory;

/**
 * A number of diseases, with the split by category where one is known. A declared count only has the
 * categories its source counts, so a missing category means "not stated", not zero.
 */
record DiseaseCount(int total, Map<DiseaseCategory, Integer> byCategory) {

    /** What a list actually holds; categories without a listed disease are left out. */
    static DiseaseCount listed(List<RegionDisease> diseases) {
        Map<DiseaseCategory, Integer> byCategory = new EnumMap<>(DiseaseCategory.class);
        for (RegionDisease disease : diseases) {
            if (disease.category() != null) {
                byCategory.merge(disease.category(), 1, Integer::sum);
            }
        }
        return new DiseaseCount(diseases.size(), Collections.unmodifiableMap(byCategory));
    }
}
