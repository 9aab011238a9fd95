package org.mtb.support.security;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.mtb.support.mongo.GroupCommit;
import org.mtb.support.mongo.UnorderedInserts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The nonces of signed channel requests seen within the signature window, shared by every instance of a service
 * through MongoDB: the insert of {@code <timestamp>:<paasid>:<nonce>} as a document id is the check, so two instances
 * receiving the same request at once accept it once. Requests that arrive together insert their nonces in one
 * unordered command ({@link GroupCommit}); a duplicate among them refuses that request only. Entries past their window
 * are removed by {@link #removeExpired}. Without a MongoDB (a web slice in a test) the nonces are kept in memory.
 *
 * <p>The key begins with the signed timestamp, in seconds, so that new keys come in time order and land at the end of
 * the collection's id index instead of on a random page of it. A replay carries the same timestamp, and another
 * timestamp needs a new signature, so the check refuses every replay as a key of the nonce alone did.
 *
 * <p>Versions before this one wrote {@code <paasid>:<nonce>}. While such entries written by them are within their
 * window ({@link #olderWritersSeen}), as during a rolling upgrade or for ten minutes after it, each nonce is also
 * inserted under that key, marked as written by this version: a request seen by either version is then refused by the
 * other. Whether there are any is looked up at start and every minute with the removal.
 */
final class SeenNonces {

    private static final Logger log = LoggerFactory.getLogger(SeenNonces.class);

    static final String COLLECTION = "channel_nonces";
    /** Present on every entry this version writes, with its key format; absent on an older version's entries. */
    static final String KEY_FORMAT = "keyFormat";
    static final String TIMED = "timestamp:paasid:nonce";
    static final String NONCE_ONLY = "paasid:nonce";

    private final @Nullable MongoTemplate mongo;
    private final Map<String, Instant> inMemory = new ConcurrentHashMap<>();
    /** Requests arriving together record their nonces in one command. */
    private final GroupCommit<List<Document>> recording = new GroupCommit<>(this::insertAll);
    /** Whether an older version's entry may be within its window; until looked up, it may. */
    private volatile boolean olderWritersSeen = true;
    /** Whether a lookup succeeded: the first one is logged only if it finds some, later ones when the answer changes. */
    private volatile boolean lookedUp;

    SeenNonces(@Nullable MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        if (mongo != null) {
            // The removal of expired nonces every minute selects by forgetAfter. The collection holds up to twice the
            // signature window of every channel's requests (about 360,000 at 600 a second), which MongoDB would
            // otherwise read whole each time. (The local MongoDB keeps no index but unique ones: it ignores this one
            // and reads the collection, as it did before.)
            mongo.indexOps(COLLECTION).createIndex(new Index("forgetAfter", Sort.Direction.ASC).named("forgetAfter"));
            lookForOlderWriters(clock.instant());
        } else {
            olderWritersSeen = false;
        }
    }

    /**
     * Whether this is the first use of the nonce by the channel with this signed timestamp (Unix seconds); remembered
     * until {@code forgetAfter}.
     */
    boolean firstUse(String paasid, long timestamp, String nonce, Instant forgetAfter) {
        String key = timestamp + ":" + paasid + ":" + nonce;
        if (mongo == null) {
            return inMemory.putIfAbsent(key, forgetAfter) == null;
        }
        Date until = Date.from(forgetAfter);
        Document timed = new Document("_id", key).append("forgetAfter", until).append(KEY_FORMAT, TIMED);
        List<Document> entries = olderWritersSeen
                ? List.of(timed, new Document("_id", paasid + ":" + nonce).append("forgetAfter", until)
                        .append(KEY_FORMAT, NONCE_ONLY))
                : List.of(timed);
        try {
            recording.write(entries);
            return true;
        } catch (DuplicateKeyException seenBefore) {
            return false;
        }
    }

    /** Whether nonces are also written under the older versions' key. */
    boolean olderWritersSeen() {
        return olderWritersSeen;
    }

    /** Inserts every request's entries in one unordered command; a request fails if any of its entries did. */
    private List<@Nullable RuntimeException> insertAll(List<List<Document>> requests) {
        List<Document> entries = new ArrayList<>();
        requests.forEach(entries::addAll);
        UnorderedInserts.Outcome outcome = UnorderedInserts.insert(Objects.requireNonNull(mongo), Document.class,
                COLLECTION, entries);
        List<@Nullable RuntimeException> failures = new ArrayList<>(requests.size());
        int index = 0;
        for (List<Document> request : requests) {
            RuntimeException failure = null;
            for (int i = 0; i < request.size(); i++, index++) {
                failure = failure != null ? failure : outcome.exceptionFor(index);
            }
            failures.add(failure);
        }
        return failures;
    }

    /** Removes the entries whose window has passed; answers how many. */
    long removeExpired(Instant now) {
        if (mongo == null) {
            int before = inMemory.size();
            inMemory.values().removeIf(until -> until.isBefore(now));
            return before - inMemory.size();
        }
        long removed = mongo.remove(Query.query(Criteria.where("forgetAfter").lt(Date.from(now))), COLLECTION)
                .getDeletedCount();
        lookForOlderWriters(now);
        return removed;
    }

    /**
     * Looks for an entry an older version wrote that is still within its window. Should the lookup fail, nonces go on
     * being written under both keys as they are.
     */
    private void lookForOlderWriters(Instant now) {
        try {
            boolean seen = Objects.requireNonNull(mongo).exists(Query.query(Criteria.where(KEY_FORMAT).exists(false)
                    .and("forgetAfter").gte(Date.from(now))), COLLECTION);
            if (lookedUp ? seen != olderWritersSeen : seen) {
                log.info(seen ? "Channel nonces written by an older version are within their window: each nonce is"
                        + " also written under the older key" : "No channel nonce of an older version is within its"
                        + " window: nonces are written under their timed key only");
            }
            olderWritersSeen = seen;
            lookedUp = true;
        } catch (RuntimeException failed) {
            log.warn("Could not look for channel nonces of an older version; writing both keys as before: {}",
                    failed.toString());
        }
    }
}
