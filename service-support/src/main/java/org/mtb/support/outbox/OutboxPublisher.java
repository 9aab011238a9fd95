package org.mtb.support.outbox;

/** Sends one stored event to Kafka. */
public interface OutboxPublisher {

    /** Returns once the broker acknowledged the event; throws if it did not. */
    void publish(OutboxEntry event);
}
