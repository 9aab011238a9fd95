package org.mtb.catalog.region;

import java.time.LocalDate;
import java.util.List;
import org.mtb.contracts.InsuranceType;

/** A region's list in force, as the API shows it: how many diseases are declared and how many are listed. */
record RegionView(
        String regionCode,
        String regionName,
        String province,
        String version,
        LocalDate effectiveFrom,
        List<InsuranceType> acceptedInsuranceTypes,
        DiseaseCount declaredDiseaseCount,
        DiseaseCount listedDiseaseCount,
        boolean complete) {

    static RegionView of(RegionVersion version) {
        return new RegionView(version.regionCode(), version.regionName(), version.province(), version.version(),
                version.effectiveDate(), version.acceptedInsuranceTypes(), version.declaredDiseaseCount(),
                version.listedDiseaseCount(), version.complete());
    }
}
