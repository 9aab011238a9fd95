package org.mtb.contracts.review;

import java.time.Instant;
import java.util.UUID;
import org.mtb.contracts.ApplicationEvent;

/**
 * A supervisor settled an objection: upheld (the approval is withdrawn) or dismissed (the notice goes on).
 *
 * @param reason what the applicant is told
 */
public record ObjectionSettled(
        UUID eventId,
        int schemaVersion,
        Instant occurredAt,
        String applicationNumber,
        String objectionId,
        String regionCode,
        String diseaseName,
        boolean upheld,
        String reason,
        Recipient recipient) implements ApplicationEvent {

    public static final int SCHEMA_VERSION = 1;
}
