package org.mtb.support.mongo;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertOneModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Inserts many documents in unordered bulk commands (of at most {@link DirectBulkWrites#WRITES_A_COMMAND}) and tells,
 * per document, whether it was stored, refused as a duplicate of a unique key (redelivered, or stored meanwhile by
 * another instance), or refused otherwise: one document's refusal does not keep the others out.
 */
public final class UnorderedInserts {

    /** MongoDB's code for a write refused by a unique index. */
    public static final int DUPLICATE_KEY = 11000;

    private UnorderedInserts() {
    }

    /**
     * Inserts {@code documents}, entities mapped as {@code type} (or {@link org.bson.Document}s), into
     * {@code collection}; answers what became of each, by its index in the list. A record entity is written by
     * {@link RecordDocuments}, as the converter would write it, at a fraction of the converter's cost; documents all
     * written there go to the driver as their BSON ({@link RawDocuments}), others through Spring Data's bulk insert.
     */
    public static Outcome insert(MongoTemplate mongo, Class<?> type, String collection, List<?> documents) {
        if (documents.size() <= DirectBulkWrites.WRITES_A_COMMAND) {
            return command(mongo, type, collection, documents);
        }
        Map<Integer, BulkWriteError> refused = new HashMap<>();
        BulkOperationException failure = null;
        for (int from = 0; from < documents.size(); from += DirectBulkWrites.WRITES_A_COMMAND) {
            Outcome part = command(mongo, type, collection,
                    documents.subList(from, Math.min(documents.size(), from + DirectBulkWrites.WRITES_A_COMMAND)));
            for (BulkWriteError error : part.refused().values()) {
                refused.put(error.getIndex() + from, new BulkWriteError(error.getCode(), error.getMessage(),
                        error.getDetails(), error.getIndex() + from));
            }
            failure = failure == null ? part.failure() : failure;
        }
        return new Outcome(refused, failure);
    }

    /** Inserts {@code documents} as {@link #insert} does, in one command. */
    private static Outcome command(MongoTemplate mongo, Class<?> type, String collection, List<?> documents) {
        if (documents.isEmpty()) {
            return new Outcome(Map.of(), null);
        }
        List<Object> mapped = mapped(mongo, documents);
        List<InsertOneModel<RawBsonDocument>> raw = raw(mapped);
        if (raw != null) {
            Outcome direct = mongo.execute(collection, stored -> RawDocuments.usable(stored.getCodecRegistry())
                    ? insertRaw(stored.withDocumentClass(RawBsonDocument.class), raw) : null);
            if (direct != null) {
                return direct;
            }
        }
        try {
            mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, type, collection).insert(mapped).execute();
            return new Outcome(Map.of(), null);
        } catch (BulkOperationException refused) {
            return refusedBy(refused);
        }
    }

    /** The refusals Spring Data's exception names, by index. */
    private static Outcome refusedBy(BulkOperationException refused) {
        return new Outcome(refused.getErrors().stream().collect(Collectors.toMap(BulkWriteError::getIndex,
                Function.identity())), refused);
    }

    /**
     * The documents as the driver would write them ({@link RawDocuments}), to be copied into the command as they are;
     * null if one of them is not a {@code Document} with an {@code _id} of values written there.
     */
    private static @Nullable List<InsertOneModel<RawBsonDocument>> raw(List<Object> documents) {
        List<InsertOneModel<RawBsonDocument>> inserts = new ArrayList<>(documents.size());
        for (Object document : documents) {
            RawBsonDocument raw = document instanceof Document written ? RawDocuments.forInsert(written) : null;
            if (raw == null) {
                return null;
            }
            inserts.add(new InsertOneModel<>(raw));
        }
        return inserts;
    }

    /** Inserts as Spring Data's bulk insert would, its refusals answered as it throws them. */
    private static Outcome insertRaw(MongoCollection<RawBsonDocument> collection,
            List<InsertOneModel<RawBsonDocument>> inserts) {
        try {
            collection.bulkWrite(inserts, DirectBulkWrites.UNORDERED);
            return new Outcome(Map.of(), null);
        } catch (MongoBulkWriteException refused) {
            if (refused.getWriteConcernError() != null) {
                throw new DataIntegrityViolationException(refused.getMessage(), refused);
            }
            return refusedBy(new BulkOperationException(refused.getMessage(), refused));
        }
    }

    /** Each record as {@link RecordDocuments} writes it, where it can; the others as they are, for Spring Data. */
    private static List<Object> mapped(MongoTemplate mongo, List<?> documents) {
        List<Object> mapped = new ArrayList<>(documents.size());
        for (Object document : documents) {
            Object written = document instanceof Document ? null
                    : RecordDocuments.write(mongo.getConverter(), document);
            mapped.add(written != null ? written : document);
        }
        return mapped;
    }

    /**
     * The refusals of one bulk insert, by index.
     *
     * @param failure the exception MongoDB's refusal came as, to throw when a refusal was not a duplicate key (the
     *        first command's that had one, when the documents went as several)
     */
    public record Outcome(Map<Integer, BulkWriteError> refused, @Nullable BulkOperationException failure) {

        public boolean stored(int index) {
            return !refused.containsKey(index);
        }

        public boolean duplicate(int index) {
            BulkWriteError error = refused.get(index);
            return error != null && error.getCode() == DUPLICATE_KEY;
        }

        /** Whether any document was refused for another reason than a duplicate key. */
        public boolean refusedOtherwise() {
            return refused.values().stream().anyMatch(error -> error.getCode() != DUPLICATE_KEY);
        }

        /**
         * The document's refusal as the exception a single insert would have thrown: {@link DuplicateKeyException}
         * for a duplicate key, {@link DataIntegrityViolationException} for another refusal; null when it was stored.
         */
        public @Nullable RuntimeException exceptionFor(int index) {
            if (stored(index)) {
                return null;
            }
            String said = String.valueOf(refusal(index));
            return duplicate(index) ? new DuplicateKeyException(said) : new DataIntegrityViolationException(said);
        }

        /** What MongoDB said of the document's refusal; null when it was stored. */
        public @Nullable String refusal(int index) {
            BulkWriteError error = refused.get(index);
            return error == null ? null : error.getMessage();
        }
    }
}
