package org.mtb.contracts;

import java.time.Instant;
import java.util.UUID;

/** What every event on the bus carries, whatever it is about. */
public interface IntegrationEvent {

    UUID eventId();

    int schemaVersion();

    Instant occurredAt();
}
