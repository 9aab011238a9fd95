package org.mtb.catalog.outbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.mtb.contracts.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Publishes the events waiting in documents' {@code outbox} arrays, oldest document first, and removes each
 * one only after Kafka acknowledged it. A crash between the two publishes an event twice, never zero times;
 * consumers are idempotent on the event id.
 */
@Component
class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final MongoTemplate mongo;
    private final EventPublisher publisher;
    private final OutboxProperties properties;
    private final MeterRegistry meters;
    private final Counter published;
    private final AtomicInteger pendingDocuments = new AtomicInteger();
    private volatile boolean failing;

    OutboxRelay(MongoTemplate mongo, EventPublisher publisher, OutboxProperties properties, MeterRegistry meters) {
        this.mongo = mongo;
        this.publisher = publisher;
        this.properties = properties;
        this.meters = meters;
        this.published = meters.counter("catalog.outbox.events.published");
        meters.gauge("catalog.outbox.documents.pending", pendingDocuments);
    }

    @Scheduled(fixedDelayString = "${catalog.outbox.poll-interval}")
    void publishPending() {
        int pending = 0;
        try {
            for (String collection : properties.collections()) {
                pending += publishPending(collection);
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
        } finally {
            pendingDocuments.set(pending);
        }
    }

    private int publishPending(String collection) {
        Query pendingQuery = Query.query(where("outbox.eventId").exists(true)).limit(properties.batchSize());
        List<Document> documents = mongo.find(pendingQuery, Document.class, collection);
        for (Document document : documents) {
            for (Document event : document.getList("outbox", Document.class)) {
                String eventId = event.getString("eventId");
                String topic = event.getString("topic");
                String key = event.getString("key");
                publisher.publish(topic, key, eventId, event.getString("payload"));
                mongo.updateFirst(Query.query(where("_id").is(document.get("_id"))),
                        new Update().pull("outbox", new Document("eventId", eventId)), collection);
                published.increment();
                countCatalog(topic, key);
            }
        }
        return documents.size();
    }

    /**
     * Counts a catalog when Kafka acknowledged it, not when its version was stored, so the number says what
     * the other services could receive. The key of a catalog event is its region code: a handful of values.
     */
    private void countCatalog(String topic, String key) {
        if (Topics.CATALOG_PUBLISHED.equals(topic)) {
            meters.counter("catalog.catalogs.published", "region", key).increment();
        }
    }
}
