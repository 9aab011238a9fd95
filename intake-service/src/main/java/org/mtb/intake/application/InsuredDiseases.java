package org.mtb.intake.application;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.mtb.support.mongo.GroupCommit;
import org.mtb.support.mongo.ObsoleteIndexes;
import org.mtb.support.mongo.UnorderedInserts;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * What an insured person has for a disease in a region: the open application, if any (at most one), and the
 * qualification granted, if any. One document each, keyed by the person's blind index (never the clear ID number), the
 * region and the disease.
 *
 * <p>A submission claims the document before its application is stored: the insert of a new document is the claim,
 * and its unique id refuses a second one even when two arrive at once; concurrent submissions' inserts go together in
 * one unordered insert. A document that exists is looked at: an application that ended (decided, withdrawn, not
 * supplemented) or was never stored (a crash between the two inserts, once it is {@link #IN_FLIGHT} old, since it
 * may be being stored that very moment) gives way, by an update conditional on the version read. A claim records the
 * request that made it (its scoped idempotency key): the same request sent again, after a crash that stored its claim
 * but not its application, takes the claim over once it is {@link #RETRY_IN_FLIGHT} old, instead of being told for a
 * minute that an application that does not exist is open. Should the first attempt still store its application, the
 * later one hands the claim back to it ({@link #handOver}). The claim is released when its application ends; an
 * approval records the qualification, a revocation forgets it.
 */
@Component
public class InsuredDiseases {

    static final String COLLECTION = "insured_diseases";
    static final Duration IN_FLIGHT = Duration.ofMinutes(1);
    /** How long a request's own first attempt is taken to be possibly still storing its application. */
    static final Duration RETRY_IN_FLIGHT = Duration.ofSeconds(5);

    private final MongoTemplate mongo;
    private final Applications applications;
    private final GroupCommit<Document> claims;

    InsuredDiseases(MongoTemplate mongo, Applications applications) {
        this.mongo = mongo;
        this.applications = applications;
        this.claims = new GroupCommit<>(this::insertTogether);
        // Take-overs name (_id, version), releases (_id, applicationNumber): the _id index answers both.
        ObsoleteIndexes.drop(mongo, COLLECTION, ObsoleteIndexes.ID_AND_MORE, "id_version", "id_application");
    }

    /**
     * What a claim found.
     *
     * @param taken         whether the application now holds the person's disease
     * @param openNumber    the open application that holds it instead; null when taken
     * @param qualification the qualification the person holds for the disease; null if none
     */
    record Claimed(boolean taken, @Nullable String openNumber, @Nullable String qualification) {
    }

    /** @param requestKey the submission's scoped idempotency key, the same for each time it is sent */
    Claimed claim(String key, String applicationNumber, String requestKey, Instant now) {
        try {
            claims.write(new Document("_id", key).append("applicationNumber", applicationNumber)
                    .append("requestKey", requestKey).append("claimedAt", now).append("version", 0L));
            return new Claimed(true, null, null);
        } catch (DuplicateKeyException exists) {
            return claimExisting(key, applicationNumber, requestKey, now);
        }
    }

    private Claimed claimExisting(String key, String applicationNumber, String requestKey, Instant now) {
        for (int attempt = 0; attempt < 3; attempt++) {
            Document held = mongo.findById(key, Document.class, COLLECTION);
            if (held == null) {
                return claim(key, applicationNumber, requestKey, now);
            }
            String holder = held.getString("applicationNumber");
            String qualification = held.getString("qualificationNumber");
            Duration inFlight = requestKey.equals(held.getString("requestKey")) ? RETRY_IN_FLIGHT : IN_FLIGHT;
            if (holder != null && stillOpen(holder, held.getDate("claimedAt").toInstant(), inFlight, now)) {
                return new Claimed(false, holder, qualification);
            }
            Query unchanged = Query.query(where("_id").is(key).and("version").is(held.get("version")));
            Update takeOver = new Update().set("applicationNumber", applicationNumber).set("requestKey", requestKey)
                    .set("claimedAt", now).inc("version", 1);
            if (mongo.updateFirst(unchanged, takeOver, COLLECTION).getModifiedCount() == 1) {
                return new Claimed(true, null, qualification);
            }
        }
        throw ApplicationProblems.keptChanging(applicationNumber);
    }

    /** Whether the holder is an open application, or one perhaps being stored right now. */
    private boolean stillOpen(String holder, Instant claimedAt, Duration inFlight, Instant now) {
        return applications.find(holder).map(application -> !application.status().isFinal())
                .orElse(claimedAt.plus(inFlight).isAfter(now));
    }

    /**
     * After a submission found its request stored already (sent twice, the first attempt still at work when the second
     * took the claim over): the claim goes to the stored application if it is open, else it is released; only if the
     * submission still holds it.
     */
    void handOver(String key, String applicationNumber, @Nullable Application stored) {
        if (stored == null || stored.status().isFinal()) {
            release(key, applicationNumber);
            return;
        }
        mongo.updateFirst(Query.query(where("_id").is(key).and("applicationNumber").is(applicationNumber)),
                new Update().set("applicationNumber", stored.applicationNumber()).inc("version", 1), COLLECTION);
    }

    /** Releases the application's claim, if it still holds it. */
    public void release(Application application) {
        if (application.applicant().idNumberIndex() != null) {
            release(key(application), application.applicationNumber());
        }
    }

    void release(String key, String applicationNumber) {
        mongo.updateFirst(heldBy(key, applicationNumber), releasing(), COLLECTION);
    }

    private static Update releasing() {
        return new Update().unset("applicationNumber").inc("version", 1);
    }

    private static Query heldBy(String key, String applicationNumber) {
        return Query.query(where("_id").is(key).and("applicationNumber").is(applicationNumber));
    }

    /**
     * Records an approval: the approved application's number is the qualification's. Its dates and re-checks are
     * review's; a qualification once granted is held until revoked, and an expired one is still the one a renewal names.
     */
    private static Update grant(Application application) {
        return new Update().set("qualificationNumber", application.applicationNumber()).inc("version", 1);
    }

    /**
     * What a change of an application's status means for the person's disease ({@link #settleAll}).
     *
     * @param application the application as read before the change
     * @param status      the status it changed to
     */
    public record Settlement(Application application, ApplicationStatus status) {
    }

    /**
     * Settles what the changes of a poll mean for the people's diseases, in their order: an approval records the
     * qualification ({@link #grant}), a revocation forgets it ({@link #revoked}), and the claim of an application that
     * ended is released ({@link #release(Application)}). The grants and releases between two revocations go in one
     * ordered bulk instead of a command each: instant filing grants many applications of a poll at once. Each write
     * is idempotent, so a poll redelivered after a failure settles again.
     */
    public void settleAll(List<Settlement> settlements) {
        BulkOperations writes = null;
        for (Settlement settlement : settlements) {
            Application application = settlement.application();
            if (application.applicant().idNumberIndex() == null) {
                continue;
            }
            if (settlement.status() == ApplicationStatus.QUALIFICATION_REVOKED) {
                execute(writes);
                writes = null;
                revoked(application);
            }
            if (settlement.status() == ApplicationStatus.APPROVED) {
                writes = started(writes);
                writes.upsert(Query.query(where("_id").is(key(application))), grant(application));
            }
            if (settlement.status().isFinal()) {
                writes = started(writes);
                writes.updateOne(heldBy(key(application), application.applicationNumber()), releasing());
            }
        }
        execute(writes);
    }

    /** The bulk being filled, or a new one. */
    private BulkOperations started(@Nullable BulkOperations writes) {
        return writes != null ? writes : mongo.bulkOps(BulkOperations.BulkMode.ORDERED, COLLECTION);
    }

    private static void execute(@Nullable BulkOperations writes) {
        if (writes != null) {
            writes.execute();
        }
    }

    /**
     * Forgets a revoked qualification, so that the person may apply anew for the disease; one granted by a later
     * application meanwhile stays. Read by id and written conditional on the version read, which indexes answer.
     */
    private void revoked(Application application) {
        String key = key(application);
        for (int attempt = 0; attempt < 3; attempt++) {
            Document held = mongo.findById(key, Document.class, COLLECTION);
            if (held == null || !application.applicationNumber().equals(held.getString("qualificationNumber"))) {
                return;
            }
            Query unchanged = Query.query(where("_id").is(key).and("version").is(held.get("version")));
            if (mongo.updateFirst(unchanged, new Update().unset("qualificationNumber").inc("version", 1), COLLECTION)
                    .getModifiedCount() == 1) {
                return;
            }
        }
        throw new IllegalStateException("Insured disease of application " + application.applicationNumber()
                + " kept changing; its revocation is retried");
    }

    static String key(Application application) {
        return key(application.applicant().idNumberIndex(), application.regionCode(), application.diseaseCode());
    }

    static String key(String insuredIndex, String regionCode, String diseaseCode) {
        return insuredIndex + "|" + regionCode + "|" + diseaseCode;
    }

    private List<@Nullable RuntimeException> insertTogether(List<Document> group) {
        UnorderedInserts.Outcome inserted = UnorderedInserts.insert(mongo, Document.class, COLLECTION, group);
        List<@Nullable RuntimeException> failures = new ArrayList<>(group.size());
        for (int i = 0; i < group.size(); i++) {
            failures.add(inserted.stored(i) ? null : inserted.duplicate(i)
                    ? new DuplicateKeyException("insured disease " + group.get(i).getString("_id") + " exists")
                    : inserted.failure() != null ? inserted.failure() : new IllegalStateException("not stored"));
        }
        return failures;
    }
}
