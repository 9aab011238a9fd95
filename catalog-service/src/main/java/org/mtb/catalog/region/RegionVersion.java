package org.mtb.catalog.region;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mtb.contracts.InsuranceType;
import org.mtb.support.outbox.OutboxEntry;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One stored version of a region's list and policy, with every value and source of its file. Never changed after
 * it is stored, except that it is marked announced, together with its event, once it is in force.
 *
 * @param id {@code <regionCode>:<version>}
 * @param effectiveFrom an ISO date kept as text: a stored {@code LocalDate} becomes an instant in the writing
 *        JVM's zone and could read back as the day before in another zone
 * @param announcedAt when its {@code CatalogPublished} was put into {@code outbox}; null until it is in force
 * @param importedBy  the operator who imported it (the access token's subject); null for a region file shipped
 *                    with the service
 */
@Document(RegionVersion.COLLECTION)
record RegionVersion(
        @Id String id,
        String regionCode,
        String regionName,
        String province,
        String version,
        String effectiveFrom,
        String source,
        List<InsuranceType> acceptedInsuranceTypes,
        String acceptedInsuranceTypesSource,
        DiseaseCount declaredDiseaseCount,
        String declaredDiseaseCountSource,
        List<RegionDisease> diseases,
        @Nullable Policy policy,
        Instant storedAt,
        @Nullable Instant announcedAt,
        List<OutboxEntry> outbox,
        @Nullable String importedBy) {

    static final String COLLECTION = "regions";

    static String id(String regionCode, String version) {
        return regionCode + ":" + version;
    }

    static RegionVersion of(RegionFile file, Instant storedAt, @Nullable String importedBy) {
        return new RegionVersion(id(file.regionCode(), file.version()), file.regionCode(), file.regionName(),
                file.province(), file.version(), file.effectiveFrom().toString(), file.source(),
                file.acceptedInsuranceTypes(), file.acceptedInsuranceTypesSource(), file.declaredDiseaseCount(),
                file.declaredDiseaseCountSource(), file.diseases(), file.policy(), storedAt, null, List.of(),
                importedBy);
    }

    LocalDate effectiveDate() {
        return LocalDate.parse(effectiveFrom);
    }

    DiseaseCount listedDiseaseCount() {
        return DiseaseCount.listed(diseases);
    }

    /** Whether it lists as many diseases as its source declares; a partial list must never pass for a full one. */
    boolean complete() {
        return diseases.size() == declaredDiseaseCount.total();
    }

    /** The file this version was stored from, to tell whether a file was edited without a new version. */
    RegionFile content() {
        return new RegionFile(regionCode, regionName, province, version, effectiveDate(), source,
                acceptedInsuranceTypes, acceptedInsuranceTypesSource, declaredDiseaseCount, declaredDiseaseCountSource,
                diseases, policy);
    }

    @Override
    public String toString() {
        return "RegionVersion[" + id + ", effective " + effectiveFrom + ", " + diseases.size() + " diseases]";
    }
}
