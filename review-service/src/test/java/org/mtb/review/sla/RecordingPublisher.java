package org.mtb.review.sla;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.common.errors.TimeoutException;
import org.mtb.support.outbox.OutboxEntry;
import org.mtb.support.outbox.OutboxPublisher;

/** Kafka as the SLA core sees it: down (every send fails, as when the broker cannot be reached) unless told to take. */
final class RecordingPublisher implements OutboxPublisher {

    final List<OutboxEntry> sent = new CopyOnWriteArrayList<>();
    private volatile boolean taking;

    void takeEvents() {
        taking = true;
    }

    @Override
    public void publish(OutboxEntry event) {
        send(event).join();
    }

    @Override
    public CompletableFuture<Void> send(OutboxEntry event) {
        if (!taking) {
            return CompletableFuture.failedFuture(new TimeoutException("Kafka is down in this test"));
        }
        sent.add(event);
        return CompletableFuture.completedFuture(null);
    }
}
