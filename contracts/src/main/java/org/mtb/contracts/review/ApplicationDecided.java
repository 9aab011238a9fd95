package org.mtb.contracts.review;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.mtb.contracts.ApplicationEvent;

/**
 * The experts approved or rejected an application.
 *
 * <p>Schema 2 carries the recipient's phone sealed, as intake sealed it, and the masked name only ({@link Recipient});
 * schema 1 carried both in clear.
 */
public record ApplicationDecided(
        UUID eventId,
        int schemaVersion,
        Instant occurredAt,
        String applicationNumber,
        String regionCode,
        String diseaseCode,
        String diseaseName,
        DecisionOutcome outcome,
        List<String> reasons,
        String reviewerId,
        Instant decidedAt,
        Recipient recipient) implements ApplicationEvent {

    public static final int SCHEMA_VERSION = 2;
}
