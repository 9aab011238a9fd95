package org.mtb.contracts.review;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mtb.contracts.ApplicationEvent;

/**
 * A review case was opened for a submitted application, or reopened after a supplement (补正): the application is now
 * under review.
 *
 * <p>{@code dueAt} (when a decision is promised) came with issue 11, without a new schema version: an event written
 * before, or a case whose region has no time limit yet, holds none.
 */
public record ReviewStarted(
        UUID eventId,
        int schemaVersion,
        Instant occurredAt,
        String applicationNumber,
        String regionCode,
        Instant openedAt,
        @Nullable Instant dueAt) implements ApplicationEvent {

    public static final int SCHEMA_VERSION = 1;

    /** An event without a deadline, as written before deadlines were sent. */
    public ReviewStarted(UUID eventId, int schemaVersion, Instant occurredAt, String applicationNumber,
            String regionCode, Instant openedAt) {
        this(eventId, schemaVersion, occurredAt, applicationNumber, regionCode, openedAt, null);
    }
}
