package org.mtb.support.mongo;

import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.data.mongodb.core.index.IndexOperations;

/**
 * Removes indexes that an earlier version of a service created and no longer needs, so that a database kept from that
 * version stops paying for them on every write. An index that is not there (a new database, one already cleaned) is
 * left alone; the call is safe on every start.
 */
public final class ObsoleteIndexes {

    /**
     * Why the unique indexes on {@code _id} and one more field ({@code id_version} and the like) went: a query or
     * conditional update that names {@code _id} is answered by the {@code _id} index, in MongoDB and in the embedded
     * one, so they only cost every write two more index entries to change.
     */
    public static final String ID_AND_MORE = "a query naming _id and more fields is answered by the _id index";

    private static final Logger log = LoggerFactory.getLogger(ObsoleteIndexes.class);

    private ObsoleteIndexes() {
    }

    /** Drops those of the named indexes of {@code collection} that exist; answers how many it dropped. */
    public static int drop(MongoOperations mongo, String collection, String reason, String... names) {
        Set<String> obsolete = Set.of(names);
        IndexOperations indexes = mongo.indexOps(collection);
        int dropped = 0;
        for (IndexInfo index : indexes.getIndexInfo()) {
            if (obsolete.contains(index.getName())) {
                indexes.dropIndex(index.getName());
                log.info("Dropped the index {} of {}: {}", index.getName(), collection, reason);
                dropped++;
            }
        }
        return dropped;
    }
}
