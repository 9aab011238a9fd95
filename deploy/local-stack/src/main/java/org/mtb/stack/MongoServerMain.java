package org.mtb.stack;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The Mongo part of the local stack, run as its own JVM so it can be stopped apart from the rest:
 * {@code MongoServerMain --port 27017 --data-file .data/mongo/mtb.mv.db}.
 */
public final class MongoServerMain {

    static final String READY = "mongo-java-server ready on ";

    private MongoServerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = 27017;
        Path dataFile = Path.of("mongo.mv.db");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(value(args, ++i));
                case "--data-file" -> dataFile = Path.of(value(args, ++i));
                default -> usage("unknown argument " + args[i]);
            }
        }
        Path file = dataFile.toAbsolutePath();
        EmbeddedMongo mongo = EmbeddedMongo.onDisk(file, port);
        CountDownLatch stopped = new CountDownLatch(1);
        // SIGTERM runs this hook; closing the H2 store here is what keeps the data of the last second.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            mongo.close();
            System.out.println("mongo-java-server stopped, " + file + " closed");
            stopped.countDown();
        }, "mongo-shutdown"));
        System.out.println("data file " + file);
        System.out.println(READY + EmbeddedMongo.HOST + ":" + mongo.port());
        stopped.await();
    }

    private static String value(String[] args, int index) {
        if (index >= args.length) {
            usage(args[index - 1] + " needs a value");
        }
        return args[index];
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println("usage: MongoServerMain --port 27017 --data-file <path to the H2 file>");
        System.exit(2);
    }
}
