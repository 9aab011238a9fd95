package org.mtb.catalog.region;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mtb.contracts.InsuranceType;

/**
 * One file under {@code catalog/regions/}: a version of one region's list and policy, with the source of every
 * value so that nobody mistakes the project's reading of a seed for an official list. The import endpoint takes
 * a new version in the same shape.
 */
record RegionFile(
        @Nullable String regionCode,
        @Nullable String regionName,
        @Nullable String province,
        @Nullable String version,
        @Nullable LocalDate effectiveFrom,
        @Nullable String source,
        @Nullable List<InsuranceType> acceptedInsuranceTypes,
        @Nullable String acceptedInsuranceTypesSource,
        @Nullable DiseaseCount declaredDiseaseCount,
        @Nullable String declaredDiseaseCountSource,
        @Nullable List<RegionDisease> diseases,
        @Nullable Policy policy) {
}
