package org.mtb.support.mongo;

import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * One unordered bulk command of writes already in MongoDB's own terms ({@code _id}s, field names, dates as
 * {@link java.util.Date}, enums by name): handed to the driver as they are, through the template, so that a failure
 * still comes as Spring's {@code DataAccessException}; each update's query and update go as their BSON
 * ({@link RawDocuments}), which the driver copies into its command. Spring Data's {@code BulkOperations} maps every
 * query and update of a bulk against the entity's metadata, converting each value; for the few bulk writes that run
 * once per application and are written in stored terms already, that mapping was most of their cost (JFR, 2026-12-06:
 * notification's marking of sent SMS, 14 % of its CPU samples, and its index of messages by application, 6 %;
 * review's timer buckets, 5 %; the outbox's pulls of sent events, 1-2 % in every service).
 */
public final class DirectBulkWrites {

    /** An unordered bulk command's options; {@link UnorderedInserts} sends its inserts with them too. */
    static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    private DirectBulkWrites() {
    }

    /** An update of the document whose {@code _id} is {@code id}. */
    public static UpdateOneModel<Document> updateById(Object id, Document update) {
        return new UpdateOneModel<>(new Document("_id", id), update);
    }

    /** An update of the document whose {@code _id} is {@code id}, which inserts it if there is none. */
    public static UpdateOneModel<Document> upsertById(Object id, Document update) {
        return new UpdateOneModel<>(new Document("_id", id), update, UPSERT);
    }

    /** Runs {@code writes} against {@code collection} as one unordered bulk command; none is run if there are none. */
    public static BulkWriteResult unordered(MongoTemplate mongo, String collection,
            List<? extends WriteModel<Document>> writes) {
        if (writes.isEmpty()) {
            return BulkWriteResult.acknowledged(0, 0, 0, 0, List.of(), List.of());
        }
        return mongo.execute(collection, documents -> documents.bulkWrite(
                RawDocuments.usable(documents.getCodecRegistry()) ? raw(writes) : writes, UNORDERED));
    }

    /**
     * Each update's query and update as the driver would write them ({@link RawDocuments}), copied into the command
     * as they are; a write of anything else, or whose update is not all operators (which the driver refuses), as it
     * is.
     */
    private static List<WriteModel<Document>> raw(List<? extends WriteModel<Document>> writes) {
        List<WriteModel<Document>> raw = new ArrayList<>(writes.size());
        for (WriteModel<Document> write : writes) {
            raw.add(write instanceof UpdateOneModel<Document> one && one.getFilter() instanceof Document filter
                    && one.getUpdate() instanceof Document update ? raw(one, filter, update) : write);
        }
        return raw;
    }

    private static WriteModel<Document> raw(UpdateOneModel<Document> write, Document filter, Document update) {
        if (update.isEmpty() || !update.keySet().stream().allMatch(operator -> operator.startsWith("$"))) {
            return write;
        }
        RawBsonDocument rawFilter = RawDocuments.of(filter);
        RawBsonDocument rawUpdate = RawDocuments.of(update);
        return rawFilter == null || rawUpdate == null ? write
                : new UpdateOneModel<>(rawFilter, rawUpdate, write.getOptions());
    }
}
