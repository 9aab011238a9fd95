package org.mtb.review.policy;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.mtb.contracts.catalog.RegionPolicy;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The newest catalog received for a region.
 *
 * @param effectiveFrom an ISO date kept as text, so that it cannot shift with the writing JVM's time zone
 * @param policy null when the catalog came as a schema-1 event, which carried no policy
 * @param diseases the region's disease list, for the materials a disease adds; null in a copy stored before it was kept
 * @param occurredAt when the catalog published it; an event older than the copy changes nothing
 * @param regionName the region's name (酒泉市), for what applicants read; null in a copy stored before it was kept
 */
@Document(PolicyCopy.COLLECTION)
public record PolicyCopy(
        @Id String regionCode,
        String version,
        @Nullable String effectiveFrom,
        @Nullable RegionPolicy policy,
        String eventId,
        Instant occurredAt,
        java.util.@Nullable List<org.mtb.contracts.catalog.CatalogDisease> diseases,
        @Nullable String regionName) {

    /**
     * The materials a supplement may ask for in a case of this disease: the region's, and the disease's own, by type.
     */
    public java.util.Map<String, org.mtb.contracts.catalog.MaterialRequirement> materialsFor(String diseaseCode) {
        return org.mtb.contracts.catalog.MaterialRequirement.byType(policy == null ? java.util.List.of()
                : policy.materials(), diseases == null ? null
                        : diseases.stream().filter(d -> d.code().equals(diseaseCode)).findFirst().orElse(null));
    }

    static final String COLLECTION = "region_policies";
}
