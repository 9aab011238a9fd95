package org.mtb.intake.application;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * At most one open application per insured person, disease and region. A claim document, keyed by the person's
 * blind index (never the clear ID number), the region and the disease, is inserted before the application: its
 * unique id refuses a second one even when two arrive at once. It is released when the application ends (decided,
 * withdrawn, not supplemented); a claim whose application ended without releasing it, or never got stored (a crash
 * between the two inserts), is taken over, the latter only once it is {@link #IN_FLIGHT} old, since its application
 * may be being stored that very moment.
 */
@Component
public class OpenApplications {

    static final String COLLECTION = "open_applications";
    static final Duration IN_FLIGHT = Duration.ofMinutes(1);

    private final MongoTemplate mongo;
    private final Applications applications;

    OpenApplications(MongoTemplate mongo, Applications applications) {
        this.mongo = mongo;
        this.applications = applications;
        // The conditional take-over and release name both fields: this index answers them even in the embedded MongoDB.
        mongo.indexOps(COLLECTION).createIndex(new Index().on("_id", Sort.Direction.ASC)
                .on("applicationNumber", Sort.Direction.ASC).unique().named("id_application"));
    }

    /** Claims the key for the application; answers the number of the open application that holds it instead. */
    Optional<String> claim(String key, String applicationNumber, Instant now) {
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                mongo.insert(new Document("_id", key).append("applicationNumber", applicationNumber)
                        .append("claimedAt", now), COLLECTION);
                return Optional.empty();
            } catch (DuplicateKeyException held) {
                Document claim = mongo.findById(key, Document.class, COLLECTION);
                if (claim == null) {
                    continue;
                }
                String holder = claim.getString("applicationNumber");
                Optional<Application> holding = applications.find(holder);
                boolean ended = holding.map(a -> a.status().isFinal()).orElse(false);
                boolean neverStored = holding.isEmpty()
                        && claim.getDate("claimedAt").toInstant().plus(IN_FLIGHT).isBefore(now);
                if (!ended && !neverStored) {
                    return Optional.of(holder);
                }
                Query stillHeld = Query.query(where("_id").is(key).and("applicationNumber").is(holder));
                Update takeOver = new Update().set("applicationNumber", applicationNumber).set("claimedAt", now);
                if (mongo.updateFirst(stillHeld, takeOver, COLLECTION).getModifiedCount() == 1) {
                    return Optional.empty();
                }
            }
        }
        throw new IllegalStateException("The claim " + key + " kept changing");
    }

    /** Releases the application's claim, if it still holds it. */
    public void release(Application application) {
        if (application.applicant().idNumberIndex() != null) {
            release(key(application.applicant().idNumberIndex(), application.regionCode(), application.diseaseCode()),
                    application.applicationNumber());
        }
    }

    void release(String key, String applicationNumber) {
        mongo.remove(Query.query(where("_id").is(key).and("applicationNumber").is(applicationNumber)), COLLECTION);
    }

    static String key(String insuredIndex, String regionCode, String diseaseCode) {
        return insuredIndex + "|" + regionCode + "|" + diseaseCode;
    }
}
