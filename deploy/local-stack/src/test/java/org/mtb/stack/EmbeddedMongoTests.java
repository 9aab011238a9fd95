package org.mtb.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.bwaldvogel.mongo.bson.Document;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedMongoTests {

    @TempDir
    Path dir;

    @Test
    void inMemoryServerAcceptsConnectionsOnLoopback() {
        try (EmbeddedMongo mongo = EmbeddedMongo.inMemory()) {
            assertThat(mongo.port()).isPositive();
            assertThat(Ports.isListening(mongo.port())).isTrue();
        }
    }

    @Test
    void uriNamesLoopbackThePortAndTheDatabase() {
        try (EmbeddedMongo mongo = EmbeddedMongo.inMemory()) {
            assertThat(mongo.uri("mtb_intake")).isEqualTo("mongodb://127.0.0.1:" + mongo.port() + "/mtb_intake");
        }
    }

    @Test
    void answersAPingOverTheWireProtocol() throws IOException {
        try (EmbeddedMongo mongo = EmbeddedMongo.inMemory()) {
            Document reply = MongoWire.command(mongo.port(), "admin", new Document("ping", 1));

            assertThat(((Number) reply.get("ok")).doubleValue()).isEqualTo(1.0);
        }
    }

    @Test
    void runsEveryClientsCommandsOnOneThreadByDefault() throws IOException {
        Set<Long> before = workerThreadIds();
        try (EmbeddedMongo mongo = EmbeddedMongo.onDisk(dir.resolve("one.mv.db"), 0)) {
            for (int connection = 0; connection < 4; connection++) {
                assertThat(((Number) MongoWire.command(mongo.port(), "admin", new Document("ping", 1)).get("ok"))
                        .doubleValue()).isEqualTo(1.0);
            }
            // Netty hands each new connection to the next of its threads: the stock four would have started four.
            assertThat(newWorkerThreads(before)).hasSize(1);
        }
    }

    @Test
    void runsTheCommandsOnAsManyThreadsAsAsked() throws IOException {
        Set<Long> before = workerThreadIds();
        try (EmbeddedMongo mongo = EmbeddedMongo.onDisk(dir.resolve("two.mv.db"), 0, 2)) {
            for (int connection = 0; connection < 4; connection++) {
                MongoWire.command(mongo.port(), "admin", new Document("ping", 1));
            }
            assertThat(newWorkerThreads(before)).hasSize(2);
        }
    }

    @Test
    void refusesNoWorkerThreadBeforeOpeningTheFile() {
        Path file = dir.resolve("none.mv.db");

        assertThatThrownBy(() -> EmbeddedMongo.onDisk(file, 0, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one worker thread");
        assertThat(file).doesNotExist();
    }

    private static Set<Long> workerThreadIds() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("mongo-server-worker"))
                .map(Thread::threadId).collect(Collectors.toSet());
    }

    private static List<Long> newWorkerThreads(Set<Long> before) {
        return workerThreadIds().stream().filter(id -> !before.contains(id)).toList();
    }

    @Test
    void stopsListeningWhenClosed() {
        EmbeddedMongo mongo = EmbeddedMongo.inMemory();
        int port = mongo.port();

        mongo.close();

        assertThat(Ports.isListening(port)).isFalse();
    }

    @Test
    void onDiskServerStartsAgainOnTheSameFileAfterClose() {
        Path file = dir.resolve("mongo/mtb.mv.db");
        try (EmbeddedMongo first = EmbeddedMongo.onDisk(file, 0)) {
            assertThat(Ports.isListening(first.port())).isTrue();
        }
        try (EmbeddedMongo second = EmbeddedMongo.onDisk(file, 0)) {
            assertThat(Ports.isListening(second.port())).isTrue();
        }
        assertThat(Files.isRegularFile(file)).isTrue();
    }

    @Test
    void saysWhyWhenH2ClosedTheStoreUnderTheServerAndStillCloses() throws InterruptedException {
        Path file = dir.resolve("mtb.mv.db");
        EmbeddedMongo mongo = EmbeddedMongo.onDisk(file, 0);
        try {
            assertThat(mongo.storeFailure()).isNull();
            MVStore store = ((OrderedKeysH2Backend) mongo.backend()).getMvStore();
            MVStoreException cannotCompare = DataUtils.newMVStoreException(DataUtils.ERROR_INTERNAL,
                    "Can not compare");

            assertThatThrownBy(() -> store.panic(cannotCompare)).isSameAs(cannotCompare);

            assertThat(mongo.storeFailure()).isSameAs(cannotCompare);
        } finally {
            // Closing such a store the usual way spins without end in H2 2.4: this must return.
            mongo.close();
        }
        assertThat(mongo.storeFailure()).as("closed on purpose").isNull();
        // The listening socket closes on the server's own thread, a moment later.
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (Ports.isListening(mongo.port()) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(Ports.isListening(mongo.port())).isFalse();
    }

    @Test
    void anOpenStoreAndAnInMemoryServerHaveNoStoreFailure() {
        try (EmbeddedMongo onDisk = EmbeddedMongo.onDisk(dir.resolve("open.mv.db"), 0);
                EmbeddedMongo inMemory = EmbeddedMongo.inMemory()) {
            assertThat(onDisk.storeFailure()).isNull();
            assertThat(inMemory.storeFailure()).isNull();
        }
    }

    @Test
    void keepsDocumentsAcrossARestart() throws IOException {
        Path file = dir.resolve("mtb.mv.db");
        try (EmbeddedMongo mongo = EmbeddedMongo.onDisk(file, 0)) {
            Document insert = new Document("insert", "applications")
                    .append("documents", List.of(new Document("_id", "620900-20261123-000001")
                            .append("region", "620900")));
            Document reply = MongoWire.command(mongo.port(), "mtb_intake", insert);
            assertThat(((Number) reply.get("n")).intValue()).isEqualTo(1);
        }

        try (EmbeddedMongo mongo = EmbeddedMongo.onDisk(file, 0)) {
            Document reply = MongoWire.command(mongo.port(), "mtb_intake",
                    new Document("find", "applications").append("filter", new Document()));

            assertThat(MongoWire.firstBatch(reply)).singleElement()
                    .isEqualTo(new Document("_id", "620900-20261123-000001").append("region", "620900"));
        }
    }
}
