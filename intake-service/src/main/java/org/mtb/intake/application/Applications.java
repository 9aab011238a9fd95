package org.mtb.intake.application;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.mtb.support.mongo.ObsoleteIndexes;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** The stored applications. */
@Component
public class Applications {

    private static final String SUBMITTER = "submittedBy.subject";

    private final MongoTemplate mongo;

    Applications(MongoTemplate mongo) {
        this.mongo = mongo;
        // A unique key makes a concurrent retry with the same Idempotency-Key fail instead of creating twice.
        mongo.indexOps(Application.class).createIndex(new Index("idempotencyKey", Sort.Direction.ASC).unique());
        // Progress updates are conditional on (_id, version), which the _id index answers.
        ObsoleteIndexes.drop(mongo, Application.COLLECTION, ObsoleteIndexes.ID_AND_MORE, "id_version");
        // My applications: by submitter, and by submitter and status.
        mongo.indexOps(Application.class).createIndex(new Index(SUBMITTER, Sort.Direction.ASC).named("submitter"));
        mongo.indexOps(Application.class).createIndex(new Index().on(SUBMITTER, Sort.Direction.ASC)
                .on("status", Sort.Direction.ASC).named("submitter_status"));
    }

    /**
     * The applications an account or channel submitted, newest first, a page at a time; of one status when given.
     */
    List<Application> submittedBy(String subject, @Nullable ApplicationStatus status, int page, int size) {
        return mongo.find(mine(subject, status).with(Sort.by(Sort.Direction.DESC, "submittedAt", "_id"))
                .skip((long) page * size).limit(size), Application.class);
    }

    long countSubmittedBy(String subject, @Nullable ApplicationStatus status) {
        return mongo.count(mine(subject, status), Application.class);
    }

    private static Query mine(String subject, @Nullable ApplicationStatus status) {
        Criteria criteria = where(SUBMITTER).is(subject);
        return Query.query(status == null ? criteria : criteria.and("status").is(status));
    }

    public Optional<Application> find(String applicationNumber) {
        return Optional.ofNullable(mongo.findById(applicationNumber, Application.class));
    }

    Optional<Application> findByIdempotencyKey(String key) {
        return Optional.ofNullable(mongo.findOne(Query.query(where("idempotencyKey").is(key)), Application.class));
    }
}
