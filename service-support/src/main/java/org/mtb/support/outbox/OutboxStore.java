package org.mtb.support.outbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import com.mongodb.client.model.UpdateOneModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.mtb.support.mongo.DirectBulkWrites;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/** The events in documents' {@code outbox} arrays, as the relay reads and removes them. */
class OutboxStore {

    private final MongoTemplate mongo;

    OutboxStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The waiting events of those documents that have any, each document's in the order they were written. */
    Map<Object, List<OutboxEntry>> pendingEvents(String collection, Collection<Object> documentIds) {
        Query byId = Query.query(where("_id").in(documentIds));
        byId.fields().include("outbox");
        Map<Object, List<OutboxEntry>> events = new LinkedHashMap<>();
        for (Document document : mongo.find(byId, Document.class, collection)) {
            List<OutboxEntry> entries = document.getList("outbox", Document.class, List.of()).stream()
                    .map(OutboxStore::entry).toList();
            if (!entries.isEmpty()) {
                events.put(document.get("_id"), entries);
            }
        }
        return events;
    }

    /** Removes the events Kafka acknowledged from their documents; events added meanwhile stay. */
    void pullSent(String collection, Map<Object, List<String>> sentEventIds) {
        if (sentEventIds.isEmpty()) {
            return;
        }
        // In stored terms already: handed to the driver as they are (DirectBulkWrites).
        List<UpdateOneModel<Document>> pulls = new ArrayList<>(sentEventIds.size());
        sentEventIds.forEach((documentId, eventIds) -> pulls.add(DirectBulkWrites.updateById(documentId,
                new Document("$pull", new Document("outbox", new Document("eventId", new Document("$in", eventIds)))))));
        DirectBulkWrites.unordered(mongo, collection, pulls);
    }

    /** The ids of the documents {@code query} finds: with it, a full search, so only the rare sweep calls it. */
    List<Object> ids(String collection, Query query) {
        query.fields().include("_id");
        return mongo.find(query, Document.class, collection).stream().map(document -> document.get("_id")).toList();
    }

    static Query withEvents() {
        return Query.query(where("outbox.eventId").exists(true));
    }

    private static OutboxEntry entry(Document event) {
        java.util.Date created = event.getDate("createdAt");
        return new OutboxEntry(event.getString("eventId"), event.getString("topic"), event.getString("key"),
                event.getString("payload"), created == null ? Instant.EPOCH : created.toInstant());
    }
}
