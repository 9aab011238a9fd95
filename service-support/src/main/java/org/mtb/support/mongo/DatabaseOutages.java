package org.mtb.support.mongo;

import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * Tells a failure of the moment to reach MongoDB (a connection lost or refused, the driver's pool cleared after one, no
 * server within its timeout) from every other failure. Such a failure is no fault of the request or the event being
 * handled: an API answers it 503 and the client sends the same request again; a consumer waits and tries again, and
 * never parks the event on a dead-letter topic for it.
 */
public final class DatabaseOutages {

    private DatabaseOutages() {
    }

    /** Whether the failure, or one of its causes, is MongoDB out of reach. */
    public static boolean isOutage(@Nullable Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException || cause instanceof MongoSocketException
                    || cause instanceof MongoConnectionPoolClearedException || cause instanceof MongoTimeoutException) {
                return true;
            }
        }
        return false;
    }
}
