package org.mtb.intake.application;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The qualifications intake has seen granted, one per insured person, region and disease, keyed by the person's blind
 * index (never the clear ID number): the approved application's number is the qualification's number. They decide
 * what kind of application a person may make: a new one only for a disease not held, a renewal or change only of a
 * qualification held. Qualification records with their end dates and re-checks are review's (issue 12); until
 * then a qualification, once granted, is held.
 */
@Component
public class Qualifications {

    static final String COLLECTION = "qualifications";

    private final MongoTemplate mongo;

    Qualifications(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Records an approval; the newest approval of the person's disease is the qualification held. */
    public void granted(Application application, Instant approvedAt) {
        if (application.applicant().idNumberIndex() == null) {
            return;
        }
        String key = OpenApplications.key(application.applicant().idNumberIndex(), application.regionCode(),
                application.diseaseCode());
        mongo.upsert(Query.query(where("_id").is(key)), new Update()
                .set("qualificationNumber", application.applicationNumber()).set("approvedAt", approvedAt),
                COLLECTION);
    }

    /** The number of the qualification the person holds for the disease in the region. */
    Optional<String> held(String insuredIndex, String regionCode, String diseaseCode) {
        Document held = mongo.findById(OpenApplications.key(insuredIndex, regionCode, diseaseCode), Document.class,
                COLLECTION);
        return held == null ? Optional.empty() : Optional.of(held.getString("qualificationNumber"));
    }
}
