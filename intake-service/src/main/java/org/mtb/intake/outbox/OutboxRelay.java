package org.mtb.intake.outbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Publishes the events waiting in marked documents' {@code outbox} arrays, and removes each one only after Kafka
 * acknowledged it. A crash between the two publishes an event twice, never zero times; consumers are idempotent
 * on the event id. An instance claims a mark before publishing, so two instances do not both send its events;
 * the claim lapses after {@code claim-duration} should the instance die. Documents are published side by side
 * (the producer batches concurrent sends). Marks spare the embedded MongoDB a search of every application each
 * round.
 */
@Component
class OutboxRelay implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final MongoTemplate mongo;
    private final EventPublisher publisher;
    private final PendingOutbox pending;
    private final OutboxProperties properties;
    private final Counter published;
    private final AtomicInteger pendingMarks = new AtomicInteger();
    private final ExecutorService workers;
    private volatile boolean failing;

    OutboxRelay(MongoTemplate mongo, EventPublisher publisher, PendingOutbox pending, OutboxProperties properties,
            MeterRegistry meters) {
        this.mongo = mongo;
        this.publisher = publisher;
        this.pending = pending;
        this.properties = properties;
        this.published = meters.counter("intake.outbox.events.published");
        this.workers = Executors.newFixedThreadPool(properties.parallelism(), Thread.ofVirtual().factory());
        meters.gauge("intake.outbox.marks.pending", pendingMarks);
    }

    @Scheduled(fixedDelayString = "${intake.outbox.poll-interval}")
    void publishPending() {
        try {
            Instant now = Instant.now();
            List<Document> marks = mongo.find(Query.query(unclaimed(now)).limit(properties.batchSize()),
                    Document.class, PendingOutbox.MARKS);
            pendingMarks.set(marks.size());
            List<Document> claimed = marks.stream().filter(mark -> claim(mark, now)).toList();
            Map<String, List<Object>> byCollection = new java.util.LinkedHashMap<>();
            for (Document mark : claimed) {
                byCollection.computeIfAbsent(mark.getString("collection"), c -> new ArrayList<>())
                        .addAll(mark.getList("documentIds", Object.class));
            }
            byCollection.forEach(this::publish);
            if (!claimed.isEmpty()) {
                mongo.remove(Query.query(where("_id").in(claimed.stream().map(mark -> mark.get("_id")).toList())),
                        PendingOutbox.MARKS);
            }
            if (failing) {
                log.info("Publishing events again; the outbox is being drained");
                failing = false;
            }
        } catch (RuntimeException e) {
            if (!failing) {
                log.warn("Cannot publish events now, they stay in the outbox and are retried: {}", e.toString());
                failing = true;
            }
        }
    }

    /** Runs at start too, so that events of an instance that crashed before marking are not left behind. */
    @Scheduled(initialDelay = 0, fixedDelayString = "${intake.outbox.sweep-interval}")
    void sweep() {
        try {
            for (String collection : properties.collections()) {
                markAll(collection, Query.query(where("outbox.eventId").exists(true)));
            }
        } catch (RuntimeException e) {
            log.warn("Could not search for unmarked events now; the next sweep will: {}", e.toString());
        }
    }

    private void markAll(String collection, Query query) {
        query.fields().include("_id");
        List<Object> ids = mongo.find(query, Document.class, collection).stream()
                .map(document -> document.get("_id")).toList();
        for (int from = 0; from < ids.size(); from += properties.batchSize()) {
            pending.mark(collection, ids.subList(from, Math.min(ids.size(), from + properties.batchSize())));
        }
    }

    @Override
    public void destroy() {
        workers.shutdownNow();
    }

    /** Claims a mark read as unclaimed, unless another instance claimed it since (its claim count moved on). */
    private boolean claim(Document mark, Instant now) {
        Query unchanged = Query.query(where("_id").is(mark.get("_id")).and("claim").is(mark.get("claim")));
        Update claim = new Update().inc("claim", 1).set("claimedUntil", now.plus(properties.claimDuration()));
        return mongo.updateFirst(unchanged, claim, PendingOutbox.MARKS).getModifiedCount() == 1;
    }

    /** Publishes the marked documents of one collection, a batch at a time; marks go only once all went out. */
    private void publish(String collection, List<Object> marked) {
        List<Object> ids = marked.stream().distinct().toList();
        for (int from = 0; from < ids.size(); from += properties.batchSize()) {
            publishOutboxes(collection, ids.subList(from, Math.min(ids.size(), from + properties.batchSize())));
        }
    }

    /** Sends the events side by side (the producer batches concurrent sends) and waits for every acknowledgement. */
    private void sendAll(List<OutgoingEvent> events) {
        List<Future<?>> sends = new ArrayList<>(events.size());
        for (OutgoingEvent event : events) {
            sends.add(workers.submit(() -> publisher.publish(event.topic(), event.key(), event.eventId(),
                    event.payload())));
        }
        try {
            for (Future<?> send : sends) {
                send.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while publishing", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
        published.increment(events.size());
    }

    /** The events in the documents' {@code outbox} arrays: sent together, then pulled from their documents. */
    private void publishOutboxes(String collection, List<Object> ids) {
        List<Document> documents = mongo.find(Query.query(where("_id").in(ids)), Document.class, collection);
        List<OutgoingEvent> events = new ArrayList<>();
        for (Document document : documents) {
            for (Document event : document.getList("outbox", Document.class, List.of())) {
                events.add(new OutgoingEvent(event.getString("topic"), event.getString("key"),
                        event.getString("eventId"), event.getString("payload")));
            }
        }
        if (events.isEmpty()) {
            return;
        }
        sendAll(events);
        BulkOperations pulls = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
        for (Document document : documents) {
            List<String> sent = document.getList("outbox", Document.class, List.of()).stream()
                    .map(event -> event.getString("eventId")).toList();
            if (!sent.isEmpty()) {
                pulls.updateOne(Query.query(where("_id").is(document.get("_id"))),
                        new Update().pull("outbox", new Document("eventId", new Document("$in", sent))));
            }
        }
        pulls.execute();
    }

    private record OutgoingEvent(String topic, String key, String eventId, String payload) {
    }

    private static Criteria unclaimed(Instant now) {
        return new Criteria().orOperator(where("claimedUntil").exists(false), where("claimedUntil").lt(now));
    }
}
