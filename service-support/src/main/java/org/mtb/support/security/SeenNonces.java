package org.mtb.support.security;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.mtb.support.mongo.GroupCommit;
import org.mtb.support.mongo.UnorderedInserts;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The nonces of signed channel requests seen within the signature window, shared by every instance of a service
 * through MongoDB: the insert of {@code <paasid>:<nonce>} as a document id is the check, so two instances receiving
 * the same request at once accept it once. Requests that arrive together insert their nonces in one unordered command
 * ({@link GroupCommit}); a duplicate among them refuses that request only. Entries past their window are removed by {@link #removeExpired}. Without
 * a MongoDB (a web slice in a test) the nonces are kept in memory.
 */
final class SeenNonces {

    static final String COLLECTION = "channel_nonces";

    private final @Nullable MongoTemplate mongo;
    private final Map<String, Instant> inMemory = new ConcurrentHashMap<>();
    /** Requests arriving together record their nonces in one command. */
    private final GroupCommit<Document> recording = new GroupCommit<>(this::insertAll);

    SeenNonces(@Nullable MongoTemplate mongo) {
        this.mongo = mongo;
        if (mongo != null) {
            // The removal of expired nonces every minute selects by forgetAfter. The collection holds up to twice the
            // signature window of every channel's requests (about 360,000 at 600 a second), which MongoDB would
            // otherwise read whole each time. (The local MongoDB keeps no index but unique ones: it ignores this one
            // and reads the collection, as it did before.)
            mongo.indexOps(COLLECTION).createIndex(new Index("forgetAfter", Sort.Direction.ASC).named("forgetAfter"));
        }
    }

    /** Whether this is the first use of the nonce by the channel; remembered until {@code forgetAfter}. */
    boolean firstUse(String paasid, String nonce, Instant forgetAfter) {
        String id = paasid + ":" + nonce;
        if (mongo == null) {
            return inMemory.putIfAbsent(id, forgetAfter) == null;
        }
        try {
            recording.write(new Document("_id", id).append("forgetAfter", Date.from(forgetAfter)));
            return true;
        } catch (DuplicateKeyException seenBefore) {
            return false;
        }
    }

    private List<@Nullable RuntimeException> insertAll(List<Document> nonces) {
        UnorderedInserts.Outcome outcome = UnorderedInserts.insert(java.util.Objects.requireNonNull(mongo),
                Document.class, COLLECTION, nonces);
        List<@Nullable RuntimeException> failures = new ArrayList<>();
        for (int i = 0; i < nonces.size(); i++) {
            failures.add(outcome.exceptionFor(i));
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
        return mongo.remove(Query.query(Criteria.where("forgetAfter").lt(Date.from(now))), COLLECTION)
                .getDeletedCount();
    }
}
