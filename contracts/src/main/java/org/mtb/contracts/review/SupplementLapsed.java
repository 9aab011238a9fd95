package org.mtb.contracts.review;

import java.time.Instant;
import java.util.UUID;
import org.mtb.contracts.ApplicationEvent;

/**
 * The applicant's time to supplement ran out: the case is closed as not supplemented (逾期未补正), without a decision.
 * A new application may be made.
 *
 * @param round the request that was not answered
 */
public record SupplementLapsed(
        UUID eventId,
        int schemaVersion,
        Instant occurredAt,
        String applicationNumber,
        String regionCode,
        String diseaseName,
        int round,
        Instant supplementDueAt,
        Instant closedAt,
        Recipient recipient) implements ApplicationEvent {

    public static final int SCHEMA_VERSION = 1;
}
