package org.mtb.review.sla;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.mtb.support.outbox.OutboxEntry;
import org.mtb.support.outbox.OutboxPublisher;
import org.mtb.support.outbox.PendingOutbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Sends a firing's events at its moment, off the timers' thread: every case's events at once (a warning before the
 * breach fired with it), then records whether Kafka took them all and marks the firing for settling, in that order,
 * so that settling knows whether to store the events in the cases' outboxes. Waits at most {@value #WAIT_SECONDS} s.
 */
final class FiringSends {

    private static final Logger log = LoggerFactory.getLogger(FiringSends.class);
    private static final long WAIT_SECONDS = 5;
    private static final ExecutorService SENDING = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("sla-send-", 0).factory());

    private final MongoTemplate mongo;
    private final PendingOutbox pendingOutbox;
    private final OutboxPublisher publisher;

    FiringSends(MongoTemplate mongo, PendingOutbox pendingOutbox, OutboxPublisher publisher) {
        this.mongo = mongo;
        this.pendingOutbox = pendingOutbox;
        this.publisher = publisher;
    }

    /** Starts sending; returns at once. */
    void sendThenMark(SlaFiring firing, Collection<List<OutboxEntry>> byCase) {
        SENDING.execute(() -> send(firing, byCase));
    }

    private void send(SlaFiring firing, Collection<List<OutboxEntry>> byCase) {
        try {
            CompletableFuture.allOf(byCase.stream().map(this::inOrder).toArray(CompletableFuture[]::new))
                    .get(Duration.ofSeconds(WAIT_SECONDS).toMillis(), TimeUnit.MILLISECONDS);
            mongo.updateFirst(Query.query(where("_id").is(firing.id())), new Update().set("published", true),
                    SlaFiring.class);
        } catch (ExecutionException | TimeoutException e) {
            log.warn("The events of SLA firing {} were not all acknowledged now; they go through the outbox: {}",
                    firing.id(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            pendingOutbox.mark(SlaFiring.COLLECTION, List.of(firing.id()));
        }
    }

    /** A case's events, each after the one before it was acknowledged. */
    private CompletableFuture<Void> inOrder(List<OutboxEntry> events) {
        CompletableFuture<Void> sent = publisher.send(events.getFirst());
        for (OutboxEntry next : events.subList(1, events.size())) {
            sent = sent.thenComposeAsync(previous -> publisher.send(next), SENDING);
        }
        return sent;
    }
}
