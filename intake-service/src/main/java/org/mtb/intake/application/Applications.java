package org.mtb.intake.application;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** The stored applications. */
@Component
public class Applications {

    private final MongoTemplate mongo;

    Applications(MongoTemplate mongo) {
        this.mongo = mongo;
        // A unique key makes a concurrent retry with the same Idempotency-Key fail instead of creating twice.
        mongo.indexOps(Application.class).createIndex(new Index("idempotencyKey", Sort.Direction.ASC).unique());
        // Progress updates are conditional on (_id, version): this index answers them without a search.
        mongo.indexOps(Application.class).createIndex(new Index().on("_id", Sort.Direction.ASC)
                .on("version", Sort.Direction.ASC).unique().named("id_version"));
    }

    public Optional<Application> find(String applicationNumber) {
        return Optional.ofNullable(mongo.findById(applicationNumber, Application.class));
    }

    Optional<Application> findByIdempotencyKey(String key) {
        return Optional.ofNullable(mongo.findOne(Query.query(where("idempotencyKey").is(key)), Application.class));
    }
}
