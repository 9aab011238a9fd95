package org.mtb.stack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The Mongo part: {@link MongoServerMain} in its own JVM, its H2 file under {@code <dataDir>/mongo/}. */
final class MongoNode {

    /** The system property that chooses Netty's buffer allocator. */
    private static final String NETTY_ALLOCATOR = "io.netty.allocator.type";

    /**
     * The heap, 384 MB: the young generation's 256 MB (below) and an old generation of at most 128 MB. Mid-load the
     * server holds about 30 MB alive, yet with a 512 MB heap its old generation, filled by what outlived a few young
     * collections and collected only when full, grew by about 0.7 MB a second through the whole load with no
     * collection, and the server ended the submissions benchmark at 432-539 MB, the stack at up to 2,074 MB, over its 2
     * GiB. With 128 MB the old generation is collected once or twice a load, in 79-101 ms (31-32 MB alive after), and
     * the server ended at 425-446 MB (benchmarks/README.md, "Whole loads with 600/s in every window, and MongoDB's old
     * generation bounded"). The timer benchmark's 500,000 cases take {@code MTB_MONGO_HEAP=1g} ({@code ./mtb bench
     * timers} sets it), as do a million review cases.
     */
    private static final List<String> JVM_OPTIONS = Stream.of(
            Stream.of("-Xmx" + System.getenv().getOrDefault("MTB_MONGO_HEAP", "384m"),
                    // The parallel collector on two threads, its sizes fixed as below. Every service's command waits
                    // while this JVM collects; the serial collector's one thread shares the two cores with every other
                    // part's runnable threads, and a young collection of 15-30 ms of work took 50-110 ms on the clock
                    // under load, long enough for intake's requests to pile up behind it. With two threads a pause
                    // took 10-12 ms (median), at most 61 ms (benchmarks/README.md, "Collections that wait for a core").
                    "-XX:+UseParallelGC", "-XX:ParallelGCThreads=2", "-XX:-UseAdaptiveSizePolicy",
                    // Much of what the server allocates lives about a second (pages H2 has not written yet): a young
                    // generation of 256 MB with wide survivor spaces lets it die there. With the defaults it was
                    // promoted early, and full collections of 200-330 ms every few seconds stalled every service
                    // (benchmarks/README.md, submissions). With 320 MB it ended the load about 50 MB larger, for the
                    // same CPU and pause time per application (benchmarks/README.md, "Smaller young generations for
                    // MongoDB, review and notification").
                    "-Xmn256m", "-XX:SurvivorRatio=3",
                    // Netty 4.2's default allocator hands a buffer it does not pool (a command or an answer past its
                    // pooled sizes, a bulk write of a Kafka poll) memory of its own, and on JDK 25 gives it back by
                    // closing a shared memory arena: a handshake with every thread of the JVM, run by the VM thread.
                    // About 120 a second at 300 applications/s, and the one command thread waited 0.44 ms for each,
                    // up to 27.5 ms (benchmarks/README.md, "The whole machine under perf, and the local MongoDB's
                    // buffers"). Netty's pooled allocator keeps its memory in chunks of 4 MiB it reuses; only a buffer
                    // larger than a chunk, or a chunk it empties, still closes an arena.
                    "-D" + NETTY_ALLOCATOR + "=pooled"),
            JavaCommand.INFRA_LOGGING.stream(),
            // Further options for this JVM only, e.g. to try another collector: MTB_MONGO_JVM_OPTS="-XX:..."
            JavaCommand.optionsFrom("MTB_MONGO_JVM_OPTS").stream())
            .flatMap(options -> options).toList();

    private final Path dataFile;
    private final int port;

    MongoNode(Path dataDir, int port) {
        this.dataFile = dataDir.resolve("mongo").resolve("mtb.mv.db").toAbsolutePath();
        this.port = port;
    }

    Path dataFile() {
        return dataFile;
    }

    /**
     * The server's command; {@code MTB_MONGO_WORKER_THREADS} sets the threads that run the clients' commands (one
     * unless set, {@link EmbeddedMongo#DEFAULT_WORKER_THREADS}).
     */
    List<String> command() {
        List<String> arguments = new ArrayList<>(
                List.of("--port", String.valueOf(port), "--data-file", dataFile.toString()));
        String workers = System.getenv("MTB_MONGO_WORKER_THREADS");
        if (workers != null && !workers.isBlank()) {
            arguments.addAll(List.of("--worker-threads", workers.strip()));
        }
        return JavaCommand.mainClass(JVM_OPTIONS, MongoServerMain.class.getName(), arguments);
    }

    ManagedProcess start(Path logFile) {
        return ManagedProcess.start(LocalStack.MONGO, command(), Map.of(), logFile);
    }
}
