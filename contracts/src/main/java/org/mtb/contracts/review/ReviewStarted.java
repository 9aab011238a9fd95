package org.mtb.contracts.review;

import java.time.Instant;
import java.util.UUID;
import org.mtb.contracts.ApplicationEvent;

/** A review case was opened for a submitted application: the application is now under review. */
public record ReviewStarted(
        UUID eventId,
        int schemaVersion,
        Instant occurredAt,
        String applicationNumber,
        String regionCode,
        Instant openedAt) implements ApplicationEvent {

    public static final int SCHEMA_VERSION = 1;
}
