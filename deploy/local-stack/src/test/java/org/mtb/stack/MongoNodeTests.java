package org.mtb.stack;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.PooledByteBufAllocator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Mongo part as the stack starts it, read from inside its own JVM. */
class MongoNodeTests {

    @TempDir
    Path dir;

    @Test
    void theServerReadsAndAnswersThroughNettysPooledBuffers() throws Exception {
        Path log = dir.resolve("mongo.log");
        ManagedProcess server = new MongoNode(dir, 0).start(log);
        try {
            String seen = awaitReady(server, log);

            // Netty 4.2's default is its adaptive allocator, which on JDK 25 closes a shared arena for every buffer it
            // does not pool.
            assertThat(seen).contains(MongoServerMain.BUFFERS + PooledByteBufAllocator.class.getSimpleName());
        } finally {
            server.stop();
        }
    }

    private static String awaitReady(ManagedProcess server, Path log) throws Exception {
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(giveUp)) {
            String seen = Files.exists(log) ? Files.readString(log) : "";
            if (seen.contains(MongoServerMain.READY)) {
                return seen;
            }
            assertThat(server.isAlive()).as("the server ended before it was ready:%n%s", seen).isTrue();
            Thread.sleep(100);
        }
        throw new AssertionError("the server was not ready within 60 s: " + Files.readString(log));
    }
}
