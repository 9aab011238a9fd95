package org.mtb.benchmarks.load;

import java.nio.ByteBuffer;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.jspecify.annotations.Nullable;

/**
 * Record values a reader does not keep, not read: neither copied out of the fetch nor decoded. Decoding each event of
 * phase (b) as text, for nothing, was part of the arrivals reader's share of the load's JVM, on the cores the stack it
 * measures needs.
 */
final class UnreadValues implements Deserializer<String> {

    @Override
    public @Nullable String deserialize(String topic, byte @Nullable [] data) {
        return null;
    }

    @Override
    public @Nullable String deserialize(String topic, Headers headers, @Nullable ByteBuffer data) {
        return null;
    }
}
