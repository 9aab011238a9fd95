package org.mtb.catalog.region;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mtb.contracts.DiseaseCategory;

/**
 * The diseases of a region's list in force, optionally of one category. The counts are always those of the
 * whole list, so a filtered answer still says whether the list is complete.
 */
record RegionDiseasesView(
        String regionCode,
        String regionName,
        String version,
        DiseaseCount declaredDiseaseCount,
        DiseaseCount listedDiseaseCount,
        boolean complete,
        List<DiseaseView> diseases) {

    static RegionDiseasesView of(RegionVersion version, @Nullable DiseaseCategory category) {
        List<DiseaseView> diseases = version.diseases().stream()
                .filter(d -> category == null || d.category() == category)
                .map(DiseaseView::of).toList();
        return new RegionDiseasesView(version.regionCode(), version.regionName(), version.version(),
                version.declaredDiseaseCount(), version.listedDiseaseCount(), version.complete(), diseases);
    }
}
