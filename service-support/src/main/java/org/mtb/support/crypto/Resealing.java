package org.mtb.support.crypto;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The re-encryption job: moves every sealed value of the service's {@link SealedCollection}s onto the ring's current
 * key, and seals values stored in clear before encryption began. Each document is one conditional update (it applies
 * only while the values are still those read), so it runs beside the service's writers and beside other instances.
 *
 * <p>Per collection, {@value #STATE} records the key a pass last found everything under; a pass runs while that is not
 * the current key, and a pass marks it done only when it found nothing left to move (an instance that had not yet
 * seen the rotation may have written under the earlier key meanwhile). Values already on Kafka keep their key until
 * the topic's retention drops them, so a key is retired only after that.
 */
public final class Resealing {

    static final String STATE = "personal_data_reencryption";
    private static final Logger log = LoggerFactory.getLogger(Resealing.class);

    private final MongoTemplate mongo;
    private final FieldCipher cipher;
    private final KeyRing keys;
    private final List<SealedCollection> collections;
    private final int batch;
    private final Clock clock;

    public Resealing(MongoTemplate mongo, FieldCipher cipher, KeyRing keys, List<SealedCollection> collections,
            int batch, Clock clock) {
        this.mongo = mongo;
        this.cipher = cipher;
        this.keys = keys;
        this.collections = List.copyOf(collections);
        this.batch = batch;
        this.clock = clock;
    }

    /**
     * One collection's last pass.
     *
     * @param completedKey the key the last pass that moved nothing found every value under; null before one did
     * @param resealed     values moved (or sealed from clear) by the last pass
     * @param unreadable   values the last pass could not open: changed, or sealed for another place; left as they are
     */
    public record Pass(String collection, @Nullable String completedKey, int resealed, int unreadable,
            @Nullable Instant at) {
    }

    /** Runs a pass over each collection not yet done for the current key; answers every collection's last pass. */
    public List<Pass> runDue() {
        String current = keys.current().id();
        List<Pass> passes = new ArrayList<>();
        for (SealedCollection collection : collections) {
            Pass last = state(collection.collection());
            passes.add(current.equals(last.completedKey()) ? last : pass(collection, current, last.completedKey()));
        }
        return passes;
    }

    /** The last pass of every collection. */
    public List<Pass> state() {
        return collections.stream().map(c -> state(c.collection())).toList();
    }

    /** @param completedBefore the key the collection was last found all under, kept when this pass moves values */
    private Pass pass(SealedCollection collection, String current, @Nullable String completedBefore) {
        int resealed = 0;
        int unreadable = 0;
        // One query read through a cursor, a batch of documents at a time. Pages of {_id > last} sorted by _id
        // made the embedded MongoDB read and sort the whole collection for each page (2 s a page with 100,000 review
        // cases, the SLA timers due meanwhile seconds late); a document inserted meanwhile is sealed under the
        // current key anyway, and one changed meanwhile is left to the conditional update.
        Query all = new Query().cursorBatchSize(batch);
        all.fields().include(collection.numberField());
        collection.contexts().keySet().forEach(path -> all.fields().include(path));
        try (Stream<Document> documents = mongo.stream(all, Document.class, collection.collection())) {
            for (Document document : (Iterable<Document>) documents::iterator) {
                int[] moved = reseal(collection, document);
                resealed += moved[0];
                unreadable += moved[1];
            }
        }
        String completed = resealed == 0 && unreadable == 0 ? current : completedBefore;
        Pass pass = new Pass(collection.collection(), completed, resealed, unreadable, clock.instant());
        mongo.save(new Document("_id", pass.collection()).append("completedKey", completed)
                .append("resealed", resealed).append("unreadable", unreadable)
                .append("at", java.util.Date.from(pass.at())), STATE);
        if (resealed > 0 || unreadable > 0) {
            log.info("Re-encryption of {}: {} values moved to key {}, {} could not be opened", pass.collection(),
                    resealed, current, unreadable);
        }
        return pass;
    }

    /** Answers {moved, unreadable} for one document. */
    private int[] reseal(SealedCollection collection, Document document) {
        Object number = document.get(collection.numberField());
        if (!(number instanceof String applicationNumber)) {
            return new int[] {0, 0};
        }
        Map<String, String[]> changes = new LinkedHashMap<>();
        int unreadable = 0;
        for (var field : collection.contexts().entrySet()) {
            if (!(valueAt(document, field.getKey()) instanceof String value) || cipher.isUnderCurrentKey(value)) {
                continue;
            }
            try {
                changes.put(field.getKey(),
                        new String[] {value, cipher.reseal(value, field.getValue().apply(applicationNumber))});
            } catch (IllegalArgumentException doesNotOpen) {
                unreadable++;
                log.warn("A value of {} in {} {} does not open: left as it is", field.getKey(),
                        collection.collection(), document.get("_id"));
            }
        }
        if (changes.isEmpty()) {
            return new int[] {0, unreadable};
        }
        Criteria unchanged = Criteria.where("_id").is(document.get("_id"));
        Update update = new Update();
        changes.forEach((path, values) -> {
            unchanged.and(path).is(values[0]);
            update.set(path, values[1]);
        });
        long modified = mongo.updateFirst(Query.query(unchanged), update, collection.collection()).getModifiedCount();
        return new int[] {modified > 0 ? changes.size() : 0, unreadable};
    }

    private static @Nullable Object valueAt(Document document, String path) {
        Object value = document;
        for (String part : path.split("\\.")) {
            if (!(value instanceof Document nested)) {
                return null;
            }
            value = nested.get(part);
        }
        return value;
    }

    private Pass state(String collection) {
        Document state = mongo.findById(collection, Document.class, STATE);
        if (state == null) {
            return new Pass(collection, null, 0, 0, null);
        }
        return new Pass(collection, state.getString("completedKey"), state.getInteger("resealed", 0),
                state.getInteger("unreadable", 0), state.getDate("at") == null ? null : state.getDate("at").toInstant());
    }
}
