package org.mtb.intake.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.mtb.contracts.InsuranceType;
import org.mtb.contracts.catalog.CatalogDisease;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** The catalog of one region as last published. */
@Document("catalog_regions")
public record RegionCatalog(
        @Id String regionCode,
        String regionName,
        String version,
        List<InsuranceType> acceptedInsuranceTypes,
        List<CatalogDisease> diseases,
        String eventId,
        Instant publishedAt) {

    public Optional<CatalogDisease> disease(String code) {
        return diseases.stream().filter(d -> d.code().equals(code)).findFirst();
    }

    public boolean accepts(InsuranceType insuranceType) {
        return acceptedInsuranceTypes.contains(insuranceType);
    }
}
