package org.mtb.contracts.review;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mtb.contracts.ApplicationEvent;
import org.mtb.contracts.DiseaseCategory;

/**
 * A case has used the warning share (75% by default) of the working time it was given and is still undecided.
 * Sent once per deadline: a deadline computed afresh (after a supplement, or when a year's schedule is loaded)
 * may warn again.
 *
 * @param workingTimeLeft working time of the region's calendar until {@code dueAt}
 * @param provisional whether {@code dueAt} was counted over a year whose holiday schedule is not loaded yet
 */
public record SlaWarning(
        UUID eventId,
        int schemaVersion,
        Instant occurredAt,
        String applicationNumber,
        String regionCode,
        DiseaseCategory diseaseCategory,
        Instant dueAt,
        Duration workingTimeLeft,
        boolean provisional,
        @Nullable String catalogVersion) implements ApplicationEvent {

    public static final int SCHEMA_VERSION = 1;
}
