package org.mtb.contracts.catalog;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.mtb.contracts.IntegrationEvent;
import org.mtb.contracts.InsuranceType;

/**
 * A region's catalog as now in force. It concerns no application, so its Kafka key is the region code
 * and its topic is compacted: the newest catalog of every region stays readable from the start.
 */
public record CatalogPublished(
        UUID eventId,
        int schemaVersion,
        Instant occurredAt,
        String regionCode,
        String regionName,
        String version,
        List<InsuranceType> acceptedInsuranceTypes,
        List<CatalogDisease> diseases) implements IntegrationEvent {

    public static final int SCHEMA_VERSION = 1;
}
