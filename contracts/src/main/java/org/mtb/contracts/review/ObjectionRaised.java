package org.mtb.contracts.review;

import java.time.Instant;
import java.util.UUID;
import org.mtb.contracts.ApplicationEvent;

/**
 * Somebody objected to an approval during its public notice; a supervisor will uphold or dismiss it. The objector and
 * the objection's text stay in review: the applicant is told only that there is one.
 */
public record ObjectionRaised(
        UUID eventId,
        int schemaVersion,
        Instant occurredAt,
        String applicationNumber,
        String objectionId,
        String regionCode,
        String diseaseName,
        Recipient recipient) implements ApplicationEvent {

    public static final int SCHEMA_VERSION = 1;
}
