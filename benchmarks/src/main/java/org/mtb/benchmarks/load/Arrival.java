package org.mtb.benchmarks.load;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The first receipt of a key on a topic, and how often it was received in all.
 *
 * @param arrivedAtMillis   this JVM's clock when a consumer's poll handed the record over
 * @param timestampMillis   the record's own timestamp (the producer's send time unless the topic says otherwise)
 * @param value             the first record's value, when the reader keeps values
 * @param receipts          1, or more where the record was published again (at-least-once delivery)
 */
public record Arrival(String key, long arrivedAtMillis, long timestampMillis, @Nullable String value, int receipts) {

    public Instant arrivedAt() {
        return Instant.ofEpochMilli(arrivedAtMillis);
    }

    public Instant timestamp() {
        return Instant.ofEpochMilli(timestampMillis);
    }

    Arrival receivedAgain() {
        return new Arrival(key, arrivedAtMillis, timestampMillis, value, receipts + 1);
    }
}
