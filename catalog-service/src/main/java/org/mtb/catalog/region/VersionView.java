package org.mtb.catalog.region;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mtb.contracts.InsuranceType;

/**
 * One stored version, whole: what an import stored, and what its {@code Location} answers.
 *
 * @param announcedAt when its catalog was put out for publication; null while it is not in force yet
 * @param importedBy  the operator who imported it; null for a region file shipped with the service
 */
record VersionView(
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
        DiseaseCount listedDiseaseCount,
        boolean complete,
        @Nullable Policy policy,
        List<DiseaseView> diseases,
        Instant storedAt,
        @Nullable Instant announcedAt,
        @Nullable String importedBy) {

    static VersionView of(RegionVersion version) {
        return new VersionView(version.regionCode(), version.regionName(), version.province(), version.version(),
                version.effectiveDate(), version.source(), version.acceptedInsuranceTypes(),
                version.acceptedInsuranceTypesSource(), version.declaredDiseaseCount(),
                version.declaredDiseaseCountSource(), version.listedDiseaseCount(), version.complete(),
                version.policy(), version.diseases().stream().map(DiseaseView::of).toList(), version.storedAt(),
                version.announcedAt(), version.importedBy());
    }
}
