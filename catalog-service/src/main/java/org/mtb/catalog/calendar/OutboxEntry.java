package org.mtb.catalog.calendar;

import java.time.Instant;

/**
 * An event waiting to be published, stored inside the document whose change it announces, in the fields the
 * outbox relay reads ({@code eventId}, {@code topic}, {@code key}, {@code payload}).
 */
record OutboxEntry(String eventId, String topic, String key, String payload, Instant createdAt) {
}
