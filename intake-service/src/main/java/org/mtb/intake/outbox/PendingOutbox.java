package org.mtb.intake.outbox;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * Marks documents whose {@code outbox} received events, so the relay reads a short list of marks instead of
 * searching a collection of a million cases (the embedded MongoDB has no secondary indexes). A writer adds one
 * mark after its write, naming every document it wrote; the relay deletes the mark once it published them all. A
 * mark lost in a crash between the write and the mark is made good by the relay's rare sweep.
 */
@Component
public class PendingOutbox implements SmartInitializingSingleton {

    static final String MARKS = "outbox_pending";

    private final MongoTemplate mongo;

    PendingOutbox(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Claims change a mark on {@code (_id, claim)}: an index on both answers them even in the embedded MongoDB. */
    @Override
    public void afterSingletonsInstantiated() {
        mongo.indexOps(MARKS).createIndex(new Index().on("_id", Sort.Direction.ASC).on("claim", Sort.Direction.ASC)
                .unique().named("id_claim"));
    }

    public void mark(String collection, Collection<?> documentIds) {
        if (documentIds.isEmpty()) {
            return;
        }
        mongo.insert(new Document("_id", UUID.randomUUID().toString()).append("collection", collection)
                .append("documentIds", List.copyOf(documentIds)).append("markedAt", Instant.now()).append("claim", 0L),
                MARKS);
    }
}
