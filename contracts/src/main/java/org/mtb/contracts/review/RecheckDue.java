package org.mtb.contracts.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.mtb.contracts.ApplicationEvent;

/**
 * A qualification's re-check (资格复核) falls due soon: the applicant is reminded to renew before {@code validTo}.
 */
public record RecheckDue(
        UUID eventId,
        int schemaVersion,
        Instant occurredAt,
        String applicationNumber,
        String qualificationNumber,
        String regionCode,
        String diseaseName,
        LocalDate validTo,
        Recipient recipient) implements ApplicationEvent {

    public static final int SCHEMA_VERSION = 1;
}
