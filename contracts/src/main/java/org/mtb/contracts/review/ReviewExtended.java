package org.mtb.contracts.review;

import java.time.Instant;
import java.util.UUID;
import org.mtb.contracts.ApplicationEvent;

/**
 * A supervisor approved a reviewer's request to extend a case's deadline in special circumstances (遇特殊情况可延长),
 * as the region's policy allows; the applicant is told the new deadline and why.
 *
 * @param extension which extension of the case this is, from 1
 */
public record ReviewExtended(
        UUID eventId,
        int schemaVersion,
        Instant occurredAt,
        String applicationNumber,
        String regionCode,
        String diseaseName,
        int extension,
        Instant previousDueAt,
        Instant dueAt,
        String reason,
        Recipient recipient) implements ApplicationEvent {

    public static final int SCHEMA_VERSION = 1;
}
