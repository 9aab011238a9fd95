package org.mtb.support.outbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.mtb.support.outbox.ParkedEvents.Parked;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * What ops do with parked documents, once they removed the cause of Kafka's refusals: requeue one or all, or, for an
 * event Kafka can never take (a record larger than the broker accepts), discard that event so that the document's
 * later events go out. Every act is logged with the event ids it concerns.
 */
class ParkingDesk {

    private static final Logger log = LoggerFactory.getLogger(ParkingDesk.class);

    private final ParkedEvents parked;
    private final PendingOutbox pending;
    private final MongoTemplate mongo;
    private final OutboxMetrics metrics;

    ParkingDesk(ParkedEvents parked, PendingOutbox pending, MongoTemplate mongo, OutboxMetrics metrics) {
        this.parked = parked;
        this.pending = pending;
        this.mongo = mongo;
        this.metrics = metrics;
    }

    List<Parked> parked() {
        return parked.all();
    }

    /** Requeues one parked document, or every one when {@code parkedId} is null; answers how many. */
    int requeue(@Nullable String parkedId) {
        List<String> ids = parkedId != null ? List.of(parkedId) : parked.all().stream().map(Parked::id).toList();
        int requeued = 0;
        for (String id : ids) {
            Parked p = parked.release(id).orElse(null);
            if (p != null) {
                pending.mark(p.collection(), List.of(p.documentId()));
                log.info("Parked events {} of {} {} requeued", p.eventIds(), p.collection(), p.documentId());
                requeued++;
            }
        }
        metrics.parked(parked.count());
        return requeued;
    }

    /** Removes the parked events from their document for good and requeues whatever else it holds. */
    boolean discard(String parkedId) {
        Parked p = parked.release(parkedId).orElse(null);
        if (p == null) {
            return false;
        }
        mongo.updateFirst(Query.query(where("_id").is(p.documentId())), new Update().pull("outbox",
                new Document("eventId", new Document("$in", p.eventIds()))), p.collection());
        pending.mark(p.collection(), List.of(p.documentId()));
        metrics.parked(parked.count());
        log.warn("Parked events {} of {} {} discarded by ops: they will never be published", p.eventIds(),
                p.collection(), p.documentId());
        return true;
    }
}
