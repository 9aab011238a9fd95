package org.mtb.contracts.review;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.mtb.contracts.ApplicationEvent;

/**
 * A reviewer returned a case for supplement (补正): every item told at once (一次性告知). The review clock stops
 * until the applicant supplements; the applicant has until {@code supplementDueAt}, after which the case closes as not
 * supplemented ({@link SupplementLapsed}).
 *
 * @param round     1 for the case's first request, 2 for the second, …
 * @param recipient whom to tell: the applicant's phone sealed, as intake sealed it, and the masked name
 */
public record SupplementRequested(
        UUID eventId,
        int schemaVersion,
        Instant occurredAt,
        String applicationNumber,
        String regionCode,
        String diseaseName,
        int round,
        List<SupplementItem> items,
        String requestedBy,
        Instant requestedAt,
        Instant supplementDueAt,
        Recipient recipient) implements ApplicationEvent {

    public static final int SCHEMA_VERSION = 1;
}
