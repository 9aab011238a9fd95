package org.mtb.catalog.region;

import java.time.LocalDate;
import java.util.List;
import org.mtb.contracts.InsuranceType;

/**
 * One file under {@code catalog/regions/}: a version of one region's list and policy, with the source of every
 * value so that nobody mistakes the project's reading of a seed for an official list. The import endpoint takes
 * a new version in the same shape.
 */
record RegionFile(
        String regionCode,
        String regionName,
        String province,
        String version,
        LocalDate effectiveFrom,
        String source,
        List<InsuranceType> acceptedInsuranceTypes,
        String acceptedInsuranceTypesSource,
        DiseaseCount declaredDiseaseCount,
        String declaredDiseaseCountSource,
        List<RegionDisease> diseases,
        Policy policy) {
}
