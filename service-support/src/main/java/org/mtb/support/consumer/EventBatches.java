package org.mtb.support.consumer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.springframework.kafka.listener.BatchListenerFailedException;

/**
 * Handles the records of one Kafka poll together (a binding with {@code consumer.batch-mode: true}). Each payload is
 * read first; those before the first unreadable one are handed over in one call, and the unreadable one is then named
 * to the container's error handler by its index, so that the records before it are committed, it is retried alone
 * and, after the binding's {@code max-attempts}, parked on the dead-letter topic, and the poll goes on after it. A
 * handler that fails names the first record of its part: it is retried from there, like a per-record binding retries
 * its record, and without end while MongoDB is out of reach ({@link DeadLetteringBatches}). Handlers must be
 * idempotent by event id, as every consumer is: a retried part may have been written in part.
 */
public final class EventBatches {

    private EventBatches() {
    }

    /**
     * @param read turns a payload into the event, or throws when it is not one this consumer can handle (not JSON,
     *        a field missing): such a record goes to the dead letters
     * @param handle handles readable events, in the order of their records
     */
    public static <T> void handle(List<byte[]> payloads, Function<byte[], T> read, Consumer<List<T>> handle) {
        List<T> readable = new ArrayList<>(payloads.size());
        for (int index = 0; index < payloads.size(); index++) {
            T event;
            try {
                event = read.apply(payloads.get(index));
            } catch (RuntimeException unreadable) {
                handleReadable(readable, handle);
                throw new BatchListenerFailedException("Record " + index + " of the batch cannot be handled: "
                        + unreadable.getMessage(), unreadable, index);
            }
            readable.add(event);
        }
        handleReadable(readable, handle);
    }

    private static <T> void handleReadable(List<T> readable, Consumer<List<T>> handle) {
        if (readable.isEmpty()) {
            return;
        }
        try {
            handle.accept(List.copyOf(readable));
        } catch (BatchListenerFailedException named) {
            throw named;
        } catch (RuntimeException failed) {
            throw new BatchListenerFailedException("The batch could not be handled: " + failed.getMessage(), failed, 0);
        }
    }
}
