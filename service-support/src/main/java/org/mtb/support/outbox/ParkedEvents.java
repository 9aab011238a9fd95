package org.mtb.support.outbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Documents whose events Kafka refused again and again (too large, say): taken out of the relay's rounds so that
 * they hold up nothing else, and kept where ops see them ({@code GET /actuator/outbox}, the metric
 * {@code mtb.outbox.events.parked} and its alert). The events themselves stay in their document's outbox; a requeue
 * marks the document again.
 */
class ParkedEvents {

    static final String PARKED = "outbox_parked";

    private final MongoTemplate mongo;

    ParkedEvents(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    void park(String collection, Object documentId, List<String> eventIds, int attempts, String lastError,
            Instant parkedAt) {
        Document parked = new Document("_id", collection + ":" + documentId).append("collection", collection)
                .append("documentId", documentId).append("eventIds", eventIds).append("attempts", attempts)
                .append("lastError", lastError).append("parkedAt", parkedAt);
        mongo.save(parked, PARKED);
    }

    List<Parked> all() {
        return mongo.findAll(Document.class, PARKED).stream().map(Parked::of).toList();
    }

    long count() {
        return mongo.estimatedCount(PARKED);
    }

    Set<Object> documentIds(String collection) {
        Set<Object> ids = new HashSet<>();
        mongo.find(Query.query(where("collection").is(collection)), Document.class, PARKED)
                .forEach(parked -> ids.add(parked.get("documentId")));
        return ids;
    }

    /** Takes one parked document out of the parking; empty if there is none by that id. */
    Optional<Parked> release(String id) {
        return Optional.ofNullable(mongo.findAndRemove(Query.query(where("_id").is(id)), Document.class, PARKED))
                .map(Parked::of);
    }

    /** One parked document, as ops see it. */
    record Parked(String id, String collection, Object documentId, List<String> eventIds, int attempts,
            String lastError, Instant parkedAt) {

        static Parked of(Document d) {
            return new Parked(d.getString("_id"), d.getString("collection"), d.get("documentId"),
                    d.getList("eventIds", String.class, List.of()), d.get("attempts", Number.class).intValue(),
                    d.getString("lastError"), d.getDate("parkedAt").toInstant());
        }
    }
}
