package org.mtb.support.mongo;

import com.mongodb.bulk.BulkWriteInsert;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.bulk.BulkWriteUpsert;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.springframework.dao.DataAccessException;
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

    /**
     * The most writes one bulk command carries; more are sent as several commands, one after another. MongoDB takes
     * 100,000 a command, but the local one ({@code deploy/local-stack}) runs every service's commands one at a time on
     * one thread: a consumer's poll of 150-500 records written as one command held every other service's commands for
     * its whole length, the submissions under way among them (review's upserts of timer buckets took 22 ms a command
     * and its inserts of cases 12 ms at 300 applications a second, 2026-12-06, benchmarks/README.md). In commands of
     * this many the others' commands are answered in between, at a few more commands a poll.
     */
    public static final int WRITES_A_COMMAND = 64;

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

    /**
     * Runs {@code writes} against {@code collection} unordered, in commands of at most {@link #WRITES_A_COMMAND}; none
     * is run if there are none. As in one unordered command, a write MongoDB refuses keeps no other out: every command
     * is sent, and the first refusal is thrown once all have run (the others' added to it as suppressed), with the
     * indexes of the command that was refused. A write the driver refuses before sending stops the rest at once.
     */
    public static BulkWriteResult unordered(MongoTemplate mongo, String collection,
            List<? extends WriteModel<Document>> writes) {
        if (writes.size() <= WRITES_A_COMMAND) {
            return command(mongo, collection, writes);
        }
        int inserted = 0;
        int matched = 0;
        int removed = 0;
        int modified = 0;
        List<BulkWriteUpsert> upserts = new ArrayList<>();
        List<BulkWriteInsert> inserts = new ArrayList<>();
        DataAccessException refused = null;
        for (int from = 0; from < writes.size(); from += WRITES_A_COMMAND) {
            BulkWriteResult part;
            List<? extends WriteModel<Document>> chunk = writes.subList(from,
                    Math.min(writes.size(), from + WRITES_A_COMMAND));
            try {
                part = command(mongo, collection, chunk);
            } catch (DataAccessException refusal) {
                if (refused == null) {
                    refused = refusal;
                } else {
                    refused.addSuppressed(refusal);
                }
                continue;
            }
            inserted += part.getInsertedCount();
            matched += part.getMatchedCount();
            removed += part.getDeletedCount();
            modified += part.getModifiedCount();
            for (BulkWriteUpsert upsert : part.getUpserts()) {
                upserts.add(new BulkWriteUpsert(upsert.getIndex() + from, upsert.getId()));
            }
            for (BulkWriteInsert insert : part.getInserts()) {
                inserts.add(new BulkWriteInsert(insert.getIndex() + from, insert.getId()));
            }
        }
        if (refused != null) {
            throw refused;
        }
        return BulkWriteResult.acknowledged(inserted, matched, removed, modified, upserts, inserts);
    }

    /** Runs {@code writes} as one unordered bulk command; none is run if there are none. */
    private static BulkWriteResult command(MongoTemplate mongo, String collection,
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
