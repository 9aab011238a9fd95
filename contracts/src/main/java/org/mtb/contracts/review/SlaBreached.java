package org.mtb.contracts.review;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mtb.contracts.ApplicationEvent;
import org.mtb.contracts.DiseaseCategory;

/**
 * A case reached its deadline undecided: the region's promise to the applicant is broken. Sent once per deadline.
 *
 * @param dueAt the deadline; for a case due at once, the moment its grace ran out
 * @param provisional whether {@code dueAt} was counted over a year whose holiday schedule is not loaded yet
 */
public record SlaBreached(
        UUID eventId,
        int schemaVersion,
        Instant occurredAt,
        String applicationNumber,
        String regionCode,
        DiseaseCategory diseaseCategory,
        Instant dueAt,
        boolean provisional,
        @Nullable String catalogVersion) implements ApplicationEvent {

    public static final int SCHEMA_VERSION = 1;
}
