package org.mtb.support.outbox;

/** Told of each event once Kafka acknowledged it; e.g. to count what other services can now receive. */
@FunctionalInterface
public interface OutboxListener {

    void published(OutboxEntry event);
}
