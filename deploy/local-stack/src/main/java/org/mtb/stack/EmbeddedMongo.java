package org.mtb.stack;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * A MongoDB wire-protocol server inside this JVM, bound to 127.0.0.1, for tests and for
 * {@link MongoServerMain}. Speaks enough of MongoDB for Spring Data repositories; it is not a
 * replica set, so tests must not rely on multi-document transactions.
 */
public final class EmbeddedMongo implements AutoCloseable {

    static final String HOST = "127.0.0.1";

    /**
     * The threads that read, run and answer the clients' commands (Netty's event loops), by default one. The server
     * runs each command on the thread that read it. Netty's default, two per core, gave the services' commands four
     * threads on the two cores they share with the services; with one, the local MongoDB spent 0.81-0.84 ms of CPU
     * an accepted application under the submissions benchmark's overload instead of 0.89-1.16, and 1.28-1.35 ms at
     * 300/s instead of 1.45-1.69 (benchmarks/README.md, "One thread for the local MongoDB's commands"). The cost: a
     * command waits behind the one being run even when it is another collection's, where before only the same
     * collection's lock held it.
     */
    public static final int DEFAULT_WORKER_THREADS = 1;

    private final MongoBackend backend;
    private final MongoServer server;
    private final int port;
    private boolean closed;

    private EmbeddedMongo(MongoBackend backend, int port, int workerThreads) {
        this.backend = backend;
        this.server = new MongoServer(backend);
        try {
            server.bind(new InetSocketAddress(HOST, port), 1, workerThreads);
        } catch (Exception e) {
            // MongoServer cleans up after a RuntimeException only, but Netty throws its BindException
            // unchecked-in-disguise; without this the H2 file lock and the event-loop threads would stay.
            if (!(e instanceof RuntimeException)) {
                server.shutdownNow();
            }
            throw new IllegalStateException("Cannot bind the Mongo server to " + HOST + ":" + port + ": " + e, e);
        }
        this.port = server.getLocalAddress().getPort();
    }

    /** Data in memory only, on a free port. */
    public static EmbeddedMongo inMemory() {
        return new EmbeddedMongo(new MemoryBackend(), 0, DEFAULT_WORKER_THREADS);
    }

    /** Data in an H2 MVStore file, kept across restarts; port 0 picks a free port. */
    public static EmbeddedMongo onDisk(Path h2File, int port) {
        return onDisk(h2File, port, DEFAULT_WORKER_THREADS);
    }

    /** As {@link #onDisk(Path, int)}, its commands run on {@code workerThreads} threads (at least one). */
    public static EmbeddedMongo onDisk(Path h2File, int port, int workerThreads) {
        // Checked before H2 opens (and locks) the file.
        if (workerThreads < 1) {
            throw new IllegalArgumentException("The Mongo server needs at least one worker thread, not "
                    + workerThreads);
        }
        Path file = h2File.toAbsolutePath();
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + file.getParent(), e);
        }
        return new EmbeddedMongo(new OrderedKeysH2Backend(file.toString()), port, workerThreads);
    }

    MongoBackend backend() {
        return backend;
    }

    public int port() {
        return port;
    }

    /** {@code mongodb://127.0.0.1:PORT/DATABASE} */
    public String uri(String database) {
        return "mongodb://" + HOST + ":" + port + "/" + database;
    }

    /**
     * The error on which H2 closed the data file's store under the server, or null while it is open (and after
     * {@link #close}). H2 closes the store on an error it cannot recover from; the server then fails every command
     * while it still answers a ping, so {@link MongoServerMain} stops rather than go on that way.
     */
    public synchronized @Nullable Throwable storeFailure() {
        return closed || !(backend instanceof OrderedKeysH2Backend h2) ? null : h2.getMvStore().getPanicException();
    }

    /**
     * Stops listening and closes the backend; for H2 that commits and closes the store file, unless H2 closed it
     * after an error ({@link #storeFailure}).
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        if (storeFailure() != null) {
            // H2 2.4 spins without end closing a store it closed after an error; there is nothing left to write.
            closed = true;
            server.stopListening();
            return;
        }
        closed = true;
        server.shutdownNow();
    }
}
