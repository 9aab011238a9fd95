package org.mtb.contracts.review;

import java.time.Instant;
import java.util.UUID;
import org.mtb.contracts.ApplicationEvent;

/**
 * A qualification ends before its time: an upheld objection, or a post-check (事后审核) of an instant filing.
 *
 * @param reason what the applicant is told
 */
public record QualificationRevoked(
        UUID eventId,
        int schemaVersion,
        Instant occurredAt,
        String applicationNumber,
        String qualificationNumber,
        String regionCode,
        String diseaseName,
        String reason,
        String revokedBy,
        Recipient recipient) implements ApplicationEvent {

    public static final int SCHEMA_VERSION = 1;
}
