package org.mtb.support.outbox;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Sends stored events to Kafka. */
public interface OutboxPublisher {

    /** Returns once the broker acknowledged the event; throws if it did not. */
    void publish(OutboxEntry event);

    /**
     * Sends the event without waiting: the answer completes when the broker acknowledged it, or exceptionally. The
     * relay sends a round's documents side by side through this; a publisher that can only wait ({@link #publish})
     * waits on a virtual thread of its own.
     */
    default CompletableFuture<Void> send(OutboxEntry event) {
        return CompletableFuture.runAsync(() -> publish(event), Waiting.SENDERS);
    }

    /** Virtual threads for publishers that can only wait. */
    final class Waiting {

        static final ExecutorService SENDERS = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("outbox-send-", 0).factory());

        private Waiting() {
        }
    }
}
