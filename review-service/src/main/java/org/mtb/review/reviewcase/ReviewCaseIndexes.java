package org.mtb.review.reviewcase;

import org.mtb.support.mongo.ObsoleteIndexes;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Drops the unique index on {@code (_id, version)} that earlier versions created, before consumers and timers start:
 * every conditional update of a case names {@code _id} and the version it read (see {@link ReviewCase#unchanged()}),
 * which the {@code _id} index answers, and the second index only cost each change of a case two more entries.
 */
@Component
class ReviewCaseIndexes implements SmartInitializingSingleton {

    private final MongoTemplate mongo;

    ReviewCaseIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterSingletonsInstantiated() {
        ObsoleteIndexes.drop(mongo, mongo.getCollectionName(ReviewCase.class), ObsoleteIndexes.ID_AND_MORE,
                "id_version");
    }
}
