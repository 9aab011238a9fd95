package org.mtb.support.security;

import java.time.Clock;
import java.time.Duration;
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
import org.mtb.support.mongo.ObsoleteIndexes;
import org.mtb.support.mongo.UnorderedInserts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The nonces of signed channel requests seen within the signature window, shared by every instance of a service
 * through MongoDB: the insert of {@code <timestamp>:<paasid>:<nonce>} as a document id is the check, so two instances
 * receiving the same request at once accept it once. Requests that arrive together insert their nonces in one
 * unordered command ({@link GroupCommit}); a duplicate among them refuses that request only. Entries past their window
 * are removed by {@link #removeExpired}, found by their keys. Without a MongoDB (a web slice in a test) the nonces are
 * kept in memory.
 *
 * <p>The key begins with the signed timestamp, in seconds, so that new keys come in time order and land at the end of
 * the collection's id index instead of on a random page of it. A replay carries the same timestamp, and another
 * timestamp needs a new signature, so the check refuses every replay as a key of the nonce alone did.
 *
 * <p>Versions before this one wrote {@code <paasid>:<nonce>}. While such entries written by them are within their
 * window ({@link #olderWritersSeen}), as during a rolling upgrade or for ten minutes after it, each nonce is also
 * inserted under that key, marked as written by this version: a request seen by either version is then refused by the
 * other. Whether there are any is looked up at start and every minute with the removal.
 *
 * <p>Neither the removal nor that look-up reads the collection whole: they name ranges of the key, which the id index
 * answers (in the local MongoDB too, whose only indexes are unique ones). This version's entries lie between
 * {@value #TIMED_KEYS_FROM} and {@value #TIMED_KEYS_TO}, an older version's and those written under its key outside
 * them. The removal had selected by {@code forgetAfter} alone: every minute the local MongoDB read every entry (two
 * windows of every channel's requests), twice with the look-up, while every other command of the platform waited
 * (benchmarks/README.md). An entry now stays up to three windows after its signed time, a window longer.
 */
final class SeenNonces {

    private static final Logger log = LoggerFactory.getLogger(SeenNonces.class);

    static final String COLLECTION = "channel_nonces";
    /** Present on every entry this version writes, with its key format; absent on an older version's entries. */
    static final String KEY_FORMAT = "keyFormat";
    static final String TIMED = "timestamp:paasid:nonce";
    static final String NONCE_ONLY = "paasid:nonce";
    /** Where this version's keys begin: a signed time of ten digits (in seconds, 2001 to 2286), then a colon. */
    static final String TIMED_KEYS_FROM = "1000000000:";
    /** Just after the last of them (a semicolon follows the colon). */
    static final String TIMED_KEYS_TO = "9999999999;";
    /**
     * Expired entries are removed those of this many seconds to a command (1,200 at 600 requests a second), so that no
     * one command holds the database for long.
     */
    static final int REMOVAL_SECONDS = 2;

    private final @Nullable MongoTemplate mongo;
    private final Duration window;
    private final Map<String, Instant> inMemory = new ConcurrentHashMap<>();
    /** Requests arriving together record their nonces in one command. */
    private final GroupCommit<List<Document>> recording = new GroupCommit<>(this::insertAll);
    /** Whether an older version's entry may be within its window; until looked up, it may. */
    private volatile boolean olderWritersSeen = true;
    /** Whether a lookup succeeded: the first one is logged only if it finds some, later ones when the answer changes. */
    private volatile boolean lookedUp;
    /**
     * Until when entries under an older version's key may be there (an older version's, and this one's written beside
     * them): two windows and a minute after one was last seen; null until the first removal after start.
     */
    private volatile @Nullable Instant olderKeysUntil;

    /** @param window the signature window: how far a signed time may be from the server's clock */
    SeenNonces(@Nullable MongoTemplate mongo, Clock clock, Duration window) {
        this.mongo = mongo;
        this.window = window;
        if (mongo != null) {
            ObsoleteIndexes.drop(mongo, COLLECTION, "expired nonces are found by the ranges of their keys",
                    "forgetAfter");
            lookForOlderWriters(clock.instant(), true);
        } else {
            olderWritersSeen = false;
        }
    }

    /**
     * Whether this is the first use of the nonce by the channel with this signed timestamp (Unix seconds); remembered
     * at least until {@code forgetAfter}.
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

    /**
     * Removes the entries whose {@code forgetAfter} has passed; answers how many. This version's are found among the
     * keys whose signed time is three windows old: an entry's {@code forgetAfter} is two windows after the check of a
     * request whose signed time was at most a window before, so it has passed by then, and the condition on
     * {@code forgetAfter} keeps any entry whose own has not. Entries under an older version's key carry no time: they
     * are found by {@code forgetAfter}, reading the whole collection, in the first removal after start and while they
     * may be there ({@link #olderKeysUntil}).
     */
    long removeExpired(Instant now) {
        if (mongo == null) {
            int before = inMemory.size();
            inMemory.values().removeIf(until -> until.isBefore(now));
            return before - inMemory.size();
        }
        Date at = Date.from(now);
        long removed = removeTimed(now.minus(window.multipliedBy(3)).getEpochSecond(), at);
        boolean wholly = olderKeysUntil == null || !now.isAfter(olderKeysUntil);
        if (wholly) {
            removed += mongo.remove(Query.query(Criteria.where(KEY_FORMAT).ne(TIMED).and("forgetAfter").lt(at)),
                    COLLECTION).getDeletedCount();
        }
        lookForOlderWriters(now, wholly);
        if (olderWritersSeen || olderKeysUntil == null) {
            olderKeysUntil = olderWritersSeen ? now.plus(window.multipliedBy(2)).plusSeconds(60) : now;
        }
        return removed;
    }

    /**
     * Removes this version's expired entries signed before {@code signedBefore} (in seconds), those of
     * {@link #REMOVAL_SECONDS} seconds to a command: one is found, then those of its seconds are removed by their range
     * of keys, until none is left. A key in the range that does not begin with a time goes alone.
     */
    private long removeTimed(long signedBefore, Date now) {
        MongoTemplate mongo = Objects.requireNonNull(this.mongo);
        Query expired = Query.query(timed(TIMED_KEYS_FROM, signedBefore + ":", now)).limit(1);
        expired.fields().include("_id");
        long removed = 0;
        while (true) {
            Document found = mongo.findOne(expired, Document.class, COLLECTION);
            if (found == null) {
                return removed;
            }
            String key = String.valueOf(found.get("_id"));
            Long second = signedSecond(key);
            Query chunk = second == null ? Query.query(Criteria.where("_id").is(key).and("forgetAfter").lt(now))
                    : Query.query(timed(second + ":", Math.min(signedBefore, second + REMOVAL_SECONDS) + ":", now));
            removed += mongo.remove(chunk, COLLECTION).getDeletedCount();
        }
    }

    private static Criteria timed(String fromKey, String beforeKey, Date now) {
        return Criteria.where("_id").gte(fromKey).lt(beforeKey).and("forgetAfter").lt(now);
    }

    /** The signed time a key begins with, in seconds; null where it begins with anything else. */
    static @Nullable Long signedSecond(String key) {
        int colon = key.indexOf(':');
        if (colon < 1 || colon > 18) {
            return null;
        }
        for (int i = 0; i < colon; i++) {
            if (key.charAt(i) < '0' || key.charAt(i) > '9') {
                return null;
            }
        }
        return Long.parseLong(key, 0, colon, 10);
    }

    /**
     * Looks for an entry an older version wrote that is still within its window: {@code wholly} in the whole
     * collection, otherwise among the keys outside this version's range (an older version's entries for a channel
     * whose paasid begins with a digit lie in it, and are then seen at the next start). Should the lookup fail, nonces
     * go on being written under both keys as they are.
     */
    private void lookForOlderWriters(Instant now, boolean wholly) {
        try {
            Date at = Date.from(now);
            boolean seen = wholly ? olderEntry(null, at)
                    : olderEntry(Criteria.where("_id").lt(TIMED_KEYS_FROM), at)
                            || olderEntry(Criteria.where("_id").gte(TIMED_KEYS_TO), at);
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

    /** Whether an entry an older version wrote, among the keys {@code keys} selects (all if null), is in its window. */
    private boolean olderEntry(@Nullable Criteria keys, Date now) {
        Criteria older = keys == null ? Criteria.where(KEY_FORMAT).exists(false) : keys.and(KEY_FORMAT).exists(false);
        Query query = Query.query(older.and("forgetAfter").gte(now));
        query.fields().include("_id");
        return Objects.requireNonNull(mongo).findOne(query, Document.class, COLLECTION) != null;
    }
}
