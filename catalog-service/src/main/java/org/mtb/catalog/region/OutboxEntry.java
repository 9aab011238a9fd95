package org.mtb.catalog.region;

import java.time.Instant;

/**
 * An event waiting to be published. It is stored inside the document whose change it announces, so the
 * change and its event are written in one atomic single-document write.
 */
record OutboxEntry(String eventId, String topic, String key, String payload, Instant createdAt) {
}
