package org.mtb.stack;

import io.netty.buffer.ByteBufAllocator;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The Mongo part of the local stack, run as its own JVM so it can be stopped apart from the rest:
 * {@code MongoServerMain --port 27017 --data-file .data/mongo/mtb.mv.db [--worker-threads 1]}.
 */
public final class MongoServerMain {

    static final String READY = "mongo-java-server ready on ";
    /** Names the allocator of the buffers commands are read into and answers written from. */
    static final String BUFFERS = "buffers from ";
    /** The exit code when the data file's store failed under the server (BSD's EX_SOFTWARE). */
    static final int STORE_FAILED = 70;

    private MongoServerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = 27017;
        Path dataFile = Path.of("mongo.mv.db");
        int workerThreads = EmbeddedMongo.DEFAULT_WORKER_THREADS;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(value(args, ++i));
                case "--data-file" -> dataFile = Path.of(value(args, ++i));
                case "--worker-threads" -> workerThreads = positive(value(args, ++i));
                default -> usage("unknown argument " + args[i]);
            }
        }
        Path file = dataFile.toAbsolutePath();
        EmbeddedMongo mongo = EmbeddedMongo.onDisk(file, port, workerThreads);
        CountDownLatch stopped = new CountDownLatch(1);
        // SIGTERM runs this hook; closing the H2 store here is what keeps the data of the last second.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            mongo.close();
            System.out.println("mongo-java-server stopped, " + file + " closed");
            stopped.countDown();
        }, "mongo-shutdown"));
        System.out.println("data file " + file);
        System.out.println(BUFFERS + ByteBufAllocator.DEFAULT.getClass().getSimpleName());
        System.out.println(READY + EmbeddedMongo.HOST + ":" + mongo.port());
        while (!stopped.await(1, TimeUnit.SECONDS)) {
            Throwable failure = mongo.storeFailure();
            if (failure != null) {
                // Serving on would answer every command with an error and every ping with ok: the services would
                // look healthy and fail every write. Ended, the part shows as stopped, and the services answer 503.
                System.err.println("The data file's store was closed after an error H2 cannot recover from;"
                        + " the server stops. Started again, it holds what was written before the error.");
                failure.printStackTrace();
                System.exit(STORE_FAILED);
            }
        }
    }

    private static String value(String[] args, int index) {
        if (index >= args.length) {
            usage(args[index - 1] + " needs a value");
        }
        return args[index];
    }

    private static int positive(String value) {
        try {
            int number = Integer.parseInt(value);
            if (number >= 1) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        usage("--worker-threads needs a whole number of at least 1, not " + value);
        return 0;
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println("usage: MongoServerMain --port 27017 --data-file <path to the H2 file> [--worker-threads 1]");
        System.exit(2);
    }
}
