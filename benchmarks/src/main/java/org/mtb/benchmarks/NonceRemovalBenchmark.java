package org.mtb.benchmarks;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.mtb.benchmarks.load.Directories;
import org.mtb.stack.EmbeddedMongo;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the minute's removal of expired channel nonces and the look-up for an older version's entries cost the local
 * MongoDB (H2 on disk, over the wire) when nothing has expired, as in the first ten minutes of a load: the single
 * thread that runs every service's commands is busy for that long. {@code forgetAfter}: the commands as sent up to
 * issue 9 (a removal by {@code forgetAfter}, a look-up by a missing {@code keyFormat}), which the local server answers by
 * reading every nonce; {@code keyRanges}: as {@code SeenNonces} sends them now, by ranges of the keys, which begin with
 * the signed time. {@code nonces} entries signed over the last ten minutes, as many as the collection holds at 100
 * requests a second (60,000) and at 600 (360,000).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(1)
@Threads(1)
public class NonceRemovalBenchmark {

    private static final long NOW = 1_764_900_000L;

    @Param({"60000", "360000"})
    public int nonces;

    @Param({"forgetAfter", "keyRanges"})
    public String commands;

    private Path directory;
    private EmbeddedMongo mongo;
    private MongoClient client;
    private MongoCollection<Document> collection;

    @Setup(Level.Trial)
    public void start() throws IOException {
        directory = Files.createTempDirectory("nonce-removal");
        mongo = EmbeddedMongo.onDisk(directory.resolve("mtb.mv.db"), 0);
        client = MongoClients.create(mongo.uri("bench"));
        collection = client.getDatabase("bench").getCollection("channel_nonces");
        List<Document> batch = new ArrayList<>();
        for (int i = 0; i < nonces; i++) {
            long signedAt = NOW - 600 + i * 600L / nonces;
            batch.add(new Document("_id", signedAt + ":channel-" + (i % 7) + ":" + UUID.randomUUID())
                    .append("forgetAfter", new Date((signedAt + 600) * 1000)).append("keyFormat", "timed"));
            if (batch.size() == 1_000) {
                collection.insertMany(batch, new InsertManyOptions().ordered(false));
                batch.clear();
            }
        }
    }

    @Benchmark
    public Object aMinutesRemovalAndLookUpWithNothingExpired() {
        Date now = new Date(NOW * 1000);
        Document noTimeKey = new Document("$exists", false);
        if (commands.equals("forgetAfter")) {
            collection.deleteMany(new Document("forgetAfter", new Document("$lt", now)));
            return collection.find(new Document("keyFormat", noTimeKey).append("forgetAfter",
                    new Document("$gte", now))).first();
        }
        Document expired = collection.find(new Document("_id", new Document("$gte", "1000000000:")
                .append("$lt", (NOW - 900) + ":")).append("forgetAfter", new Document("$lt", now)))
                .projection(Projections.include("_id")).limit(1).first();
        if (expired != null) {
            throw new IllegalStateException("nothing should have expired: " + expired);
        }
        Document before = collection.find(new Document("_id", new Document("$lt", "1000000000:"))
                .append("keyFormat", noTimeKey).append("forgetAfter", new Document("$gte", now))).first();
        Document after = collection.find(new Document("_id", new Document("$gte", "9999999999;"))
                .append("keyFormat", noTimeKey).append("forgetAfter", new Document("$gte", now))).first();
        return before != null ? before : after;
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
        client.close();
        mongo.close();
        Directories.deleteRecursively(directory);
    }
}
