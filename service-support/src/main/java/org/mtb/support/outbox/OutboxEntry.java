package org.mtb.support.outbox;

import java.time.Instant;

/**
 * An event waiting to be published, stored inside the document whose change it announces (in its {@code outbox}
 * array), so that the change and its event are one atomic single-document write.
 *
 * @param eventId the event's id, also sent as the {@code eventId} header; consumers drop a second copy by it
 * @param key the Kafka message key: the application number (a region code for catalog events)
 * @param payload the event as JSON
 */
public record OutboxEntry(String eventId, String topic, String key, String payload, Instant createdAt) {
}
