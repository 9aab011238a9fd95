package org.mtb.support.mongo;

import com.mongodb.MongoCommandException;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.data.mongodb.core.index.IndexOperations;

/**
 * Removes indexes that an earlier version of a service created and no longer needs, so that a database kept from that
 * version stops paying for them on every write. An index that is not there (a new database, one already cleaned, one
 * another instance starting at the same time dropped first) is left alone; the call is safe on every start, and a
 * drop that fails otherwise is logged and does not stop the service from starting.
 */
public final class ObsoleteIndexes {

    /**
     * Why the unique indexes on {@code _id} and one more field ({@code id_version} and the like) went: a query or
     * conditional update that names {@code _id} is answered by the {@code _id} index, in MongoDB and in the embedded
     * one, so they only cost every write two more index entries to change.
     */
    public static final String ID_AND_MORE = "a query naming _id and more fields is answered by the _id index";

    /** MongoDB's code for a drop of an index that is not there. */
    private static final int INDEX_NOT_FOUND = 27;

    private static final Logger log = LoggerFactory.getLogger(ObsoleteIndexes.class);

    private ObsoleteIndexes() {
    }

    /** Drops those of the named indexes of {@code collection} that exist; answers how many it dropped. */
    public static int drop(MongoOperations mongo, String collection, String reason, String... names) {
        Set<String> obsolete = Set.of(names);
        IndexOperations indexes = mongo.indexOps(collection);
        int dropped = 0;
        for (IndexInfo index : indexes.getIndexInfo()) {
            if (!obsolete.contains(index.getName())) {
                continue;
            }
            try {
                indexes.dropIndex(index.getName());
                log.info("Dropped the index {} of {}: {}", index.getName(), collection, reason);
                dropped++;
            } catch (DataAccessException e) {
                if (indexNotFound(e)) {
                    log.info("The index {} of {} was dropped meanwhile, by another instance", index.getName(),
                            collection);
                } else {
                    // Starting matters more: the index costs writes only, and the next start tries again.
                    log.warn("Could not drop the obsolete index {} of {}: {}", index.getName(), collection,
                            e.getMessage());
                }
            }
        }
        return dropped;
    }

    private static boolean indexNotFound(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MongoCommandException command && command.getErrorCode() == INDEX_NOT_FOUND) {
                return true;
            }
        }
        return false;
    }
}
