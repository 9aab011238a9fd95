package org.mtb.support.testing;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.mtb.stack.EmbeddedMongo;

/**
 * The in-memory local MongoDB that this module's test classes share, with one client: started by the first class
 * that asks ({@code @ExtendWith(LocalMongo.class)}), closed when the whole run ends. Each class keeps to databases of
 * its own, so the classes see nothing of each other. A test that stops its server (a failure it provokes) starts an
 * {@link EmbeddedMongo} of its own instead.
 */
public final class LocalMongo implements BeforeAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalMongo.class);
    private static volatile @Nullable Server server;

    @Override
    public void beforeAll(ExtensionContext context) {
        server = context.getRoot().getStore(NAMESPACE).computeIfAbsent(Server.class, type -> new Server(),
                Server.class);
    }

    /** The shared client; its databases are this run's alone. */
    public static MongoClient client() {
        return started().client;
    }

    /** The connection string of a database of the shared server, for a Spring context under test. */
    public static String uri(String database) {
        return started().mongo.uri(database);
    }

    private static Server started() {
        Server current = server;
        if (current == null) {
            throw new IllegalStateException("the local MongoDB is started for classes with @ExtendWith(LocalMongo.class)"
                    + ", before their tests; a static field cannot use it");
        }
        return current;
    }

    /** The server and its client, closed by JUnit with the root context's store. */
    private static final class Server implements AutoCloseable {

        private final EmbeddedMongo mongo = EmbeddedMongo.inMemory();
        private final MongoClient client = MongoClients.create(mongo.uri("admin"));

        @Override
        public void close() {
            server = null;
            client.close();
            mongo.close();
        }
    }
}
