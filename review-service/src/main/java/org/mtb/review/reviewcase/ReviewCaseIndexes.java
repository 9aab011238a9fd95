package org.mtb.review.reviewcase;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * Creates the unique index on {@code (_id, version)} before consumers and timers start, so every conditional update
 * of a case is answered by an index (see {@link ReviewCase#unchanged()}).
 */
@Component
class ReviewCaseIndexes implements SmartInitializingSingleton {

    private final MongoTemplate mongo;

    ReviewCaseIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterSingletonsInstantiated() {
        mongo.indexOps(ReviewCase.class).createIndex(new Index().on("_id", Sort.Direction.ASC)
                .on("version", Sort.Direction.ASC).unique().named("id_version"));
    }
}
