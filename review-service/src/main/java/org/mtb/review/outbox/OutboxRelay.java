package org.mtb.review.outbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Publishes the events waiting in marked documents' {@code outbox} arrays, and removes each one only after Kafka
 * acknowledged it. A crash between the two publishes an event twice, never zero times; consumers are idempotent
 * on the event id. A rare sweep of whole collections marks documents whose mark a crash lost.
 */
@Component
class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final MongoTemplate mongo;
    private final EventPublisher publisher;
    private final PendingOutbox pending;
    private final OutboxProperties properties;
    private final Counter published;
    private final AtomicInteger pendingDocuments = new AtomicInteger();
    private volatile boolean failing;

    OutboxRelay(MongoTemplate mongo, EventPublisher publisher, PendingOutbox pending, OutboxProperties properties,
            MeterRegistry meters) {
        this.mongo = mongo;
        this.publisher = publisher;
        this.pending = pending;
        this.properties = properties;
        this.published = meters.counter("review.outbox.events.published");
        meters.gauge("review.outbox.documents.pending", pendingDocuments);
    }

    @Scheduled(fixedDelayString = "${review.outbox.poll-interval}")
    void publishPending() {
        try {
            Instant now = Instant.now();
            Query unclaimed = Query.query(new Criteria().orOperator(where("claimedUntil").exists(false),
                    where("claimedUntil").lt(now))).limit(properties.batchSize());
            List<Document> marks = mongo.find(unclaimed, Document.class, PendingOutbox.MARKS);
            for (Document mark : marks) {
                if (claim(mark, now)) {
                    publish(mark);
                }
            }
            pendingDocuments.set(marks.size());
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
    @Scheduled(initialDelay = 0, fixedDelayString = "${review.outbox.sweep-interval}")
    void sweep() {
        try {
            for (String collection : properties.collections()) {
                Query withEvents = Query.query(where("outbox.eventId").exists(true));
                withEvents.fields().include("_id");
                for (Document document : mongo.find(withEvents, Document.class, collection)) {
                    pending.mark(collection, document.get("_id"));
                }
            }
        } catch (RuntimeException e) {
            log.warn("Could not search for unmarked events now; the next sweep will: {}", e.toString());
        }
    }

    /**
     * Only the instance that claims a mark publishes its document's events, so two instances do not send each
     * event twice; a claim lapses after {@code claim-duration} should its instance die while publishing.
     */
    private boolean claim(Document mark, Instant now) {
        Query stillUnclaimed = Query.query(where("_id").is(mark.get("_id")).and("n").is(mark.get("n"))
                .orOperator(where("claimedUntil").exists(false), where("claimedUntil").lt(now)));
        return mongo.updateFirst(stillUnclaimed, new Update().set("claimedUntil", now.plus(properties.claimDuration())),
                PendingOutbox.MARKS).getModifiedCount() == 1;
    }

    private void publish(Document mark) {
        Object seen = mark.get("n");
        String collection = mark.getString("collection");
        Document document = mongo.findById(mark.get("documentId"), Document.class, collection);
        if (document != null) {
            for (Document event : document.getList("outbox", Document.class, List.of())) {
                String eventId = event.getString("eventId");
                publisher.publish(event.getString("topic"), event.getString("key"), eventId,
                        event.getString("payload"));
                mongo.updateFirst(Query.query(where("_id").is(document.get("_id"))),
                        new Update().pull("outbox", new Document("eventId", eventId)), collection);
                published.increment();
            }
        }
        boolean done = mongo.remove(Query.query(where("_id").is(mark.get("_id")).and("n").is(seen)),
                PendingOutbox.MARKS).getDeletedCount() == 1;
        if (!done) {
            // An event arrived while publishing: release the claim so the next round sends it at once.
            mongo.updateFirst(Query.query(where("_id").is(mark.get("_id"))), new Update().unset("claimedUntil"),
                    PendingOutbox.MARKS);
        }
    }
}
