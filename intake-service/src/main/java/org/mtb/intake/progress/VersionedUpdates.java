package org.mtb.intake.progress;

import com.mongodb.client.model.UpdateOneModel;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.mtb.intake.application.Application;
import org.mtb.support.mongo.DirectBulkWrites;
import org.mtb.support.mongo.StoredUpdates;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * A poll's updates of applications, each conditional on the version read, in one unordered bulk. They go in stored
 * terms ({@link StoredUpdates}; every test of the changes checks them against Spring Data's own mapping, see
 * {@code AppliedChanges}); a poll with an update holding a value not modelled there goes through Spring Data's
 * mapping.
 */
final class VersionedUpdates {

    private VersionedUpdates() {
    }

    /** Applies {@code updates}, the i-th to the i-th application as read; answers how many changed theirs. */
    static long apply(MongoTemplate mongo, List<Application> read, List<Update> updates) {
        List<UpdateOneModel<Document>> stored = new ArrayList<>(updates.size());
        for (int i = 0; i < updates.size(); i++) {
            Document update = StoredUpdates.of(mongo.getConverter(), updates.get(i));
            if (update == null) {
                return throughSpringData(mongo, read, updates);
            }
            stored.add(new UpdateOneModel<>(new Document("_id", read.get(i).applicationNumber())
                    .append("version", read.get(i).version()), update));
        }
        return DirectBulkWrites.unordered(mongo, Application.COLLECTION, stored).getModifiedCount();
    }

    private static long throughSpringData(MongoTemplate mongo, List<Application> read, List<Update> updates) {
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Application.class);
        for (int i = 0; i < updates.size(); i++) {
            bulk.updateOne(unchanged(read.get(i)), updates.get(i));
        }
        return bulk.execute().getModifiedCount();
    }

    /** The application as read: the same number and version. */
    static Query unchanged(Application application) {
        return Query.query(Criteria.where("_id").is(application.applicationNumber()).and("version")
                .is(application.version()));
    }
}
