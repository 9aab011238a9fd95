package org.mtb.support.mongo;

import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoSocketReadException;
import com.mongodb.ServerAddress;
import com.mongodb.connection.ClusterId;
import com.mongodb.connection.ServerId;
import org.springframework.data.mongodb.UncategorizedMongoDbException;

/** Failures as Spring Data reports them, for the tests of what a service does when MongoDB fails. */
public final class MongoFailures {

    private static final ServerAddress SERVER = new ServerAddress("127.0.0.1", 27017);

    private MongoFailures() {
    }

    /**
     * A request on a connection the server closed: the driver clears its pool and Spring Data reports it uncategorized
     * (what intake answered 500 for when the embedded server closed its connections under load).
     */
    public static RuntimeException poolCleared() {
        return new UncategorizedMongoDbException("pool cleared", new MongoConnectionPoolClearedException(
                new ServerId(new ClusterId(), SERVER), new MongoSocketReadException("end of stream", SERVER)));
    }
}
