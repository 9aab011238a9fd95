package org.mtb.review.reviewcase;

import java.time.Instant;

/** An event stored inside the case whose change it announces; see the outbox package. */
record OutboxEntry(String eventId, String topic, String key, String payload, Instant createdAt) {
}
