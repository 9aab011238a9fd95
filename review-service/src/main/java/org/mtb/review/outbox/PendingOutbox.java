package org.mtb.review.outbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Marks documents whose {@code outbox} received an event, so the relay reads a short list of marks instead of
 * searching a collection of a million cases (the embedded MongoDB has no secondary indexes). A writer marks
 * after its write; each mark bumps a counter, and the relay removes a mark only if the counter is still what it
 * read before it read the document, so an event added meanwhile keeps its mark.
 */
@Component
public class PendingOutbox {

    static final String MARKS = "outbox_pending";

    private final MongoTemplate mongo;

    PendingOutbox(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public void mark(String collection, Object documentId) {
        mongo.upsert(Query.query(where("_id").is(collection + "/" + documentId)),
                new Update().inc("n", 1).set("collection", collection).set("documentId", documentId), MARKS);
    }
}
