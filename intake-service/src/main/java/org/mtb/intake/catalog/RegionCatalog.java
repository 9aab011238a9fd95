package org.mtb.intake.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.mtb.contracts.InsuranceType;
import org.mtb.contracts.catalog.CatalogDisease;
import org.mtb.contracts.catalog.RegionPolicy;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The catalog of one region as last published.
 *
 * @param effectiveFrom the version's first day, an ISO date kept as text (null from a schema-1 event)
 * @param policy the region's rules (time limits, materials, notice, reimbursement); null from a schema-1 event
 */
@Document("catalog_regions")
public record RegionCatalog(
        @Id String regionCode,
        String regionName,
        String version,
        @Nullable String effectiveFrom,
        List<InsuranceType> acceptedInsuranceTypes,
        List<CatalogDisease> diseases,
        @Nullable RegionPolicy policy,
        String eventId,
        Instant publishedAt) {

    public Optional<CatalogDisease> disease(String code) {
        return diseases.stream().filter(d -> d.code().equals(code)).findFirst();
    }

    /**
     * Whether the region admits people of this insurance: by national scheme ({@link InsuranceType#insutype()}), so a
     * flexible worker insured in the employee scheme is admitted wherever the employee scheme is.
     */
    public boolean accepts(InsuranceType insuranceType) {
        return acceptedInsuranceTypes.stream().anyMatch(insuranceType::sameSchemeAs);
    }
}
