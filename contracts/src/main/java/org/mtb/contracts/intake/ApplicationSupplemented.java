package org.mtb.contracts.intake;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mtb.contracts.ApplicationEvent;

/**
 * The applicant supplied every item a supplement request (补正) asked for; the case reopens and its deadline follows
 * the region's policy. A supplement adds materials to the application; it never changes what was submitted.
 *
 * @param round the request it answers
 */
public record ApplicationSupplemented(
        UUID eventId,
        int schemaVersion,
        Instant occurredAt,
        String applicationNumber,
        String regionCode,
        int round,
        List<SuppliedMaterial> materials,
        Instant supplementedAt,
        @Nullable Submitter supplementedBy) implements ApplicationEvent {

    public static final int SCHEMA_VERSION = 1;
}
