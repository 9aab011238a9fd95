package org.mtb.contracts.catalog;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mtb.contracts.InsuranceType;
import org.mtb.contracts.IntegrationEvent;

/**
 * A region's catalog as now in force. It concerns no application, so its Kafka key is the region code
 * and its topic is compacted: the newest catalog of every region stays readable from the start.
 *
 * <p>Schema 2 added {@code effectiveFrom} and {@code policy}; both are null in a schema-1 event.
 */
public record CatalogPublished(
        UUID eventId,
        int schemaVersion,
        Instant occurredAt,
        String regionCode,
        String regionName,
        String version,
        @Nullable LocalDate effectiveFrom,
        List<InsuranceType> acceptedInsuranceTypes,
        List<CatalogDisease> diseases,
        @Nullable RegionPolicy policy) implements IntegrationEvent {

    public static final int SCHEMA_VERSION = 2;
}
