package org.mtb.contracts.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.mtb.contracts.ApplicationEvent;

/** A qualification reached its end without a renewal; the benefit stops after {@code validTo}. */
public record QualificationExpired(
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
