package org.mtb.benchmarks;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.UpdateResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
 * What a change of a stored application costs the local MongoDB (H2 on disk, as {@code ./mtb up} runs it), over the
 * wire as a service sends it: an update conditional on {@code (_id, version)}, as intake's progress updates and review's
 * case changes are, with only the {@code _id} index ({@code id}) and with the unique {@code (_id, version)} index the
 * services created up to issue 9 ({@code id_version}), which every such update had to change as well.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class ConditionalUpdateBenchmark {

    private static final int DOCUMENTS = 20_000;

    @Param({"id", "id_version"})
    public String indexes;

    private Path directory;
    private EmbeddedMongo mongo;
    private MongoClient client;
    private MongoCollection<Document> applications;
    private long[] versions;
    private int next;

    @Setup(Level.Trial)
    public void start() throws IOException {
        directory = Files.createTempDirectory("conditional-update");
        mongo = EmbeddedMongo.onDisk(directory.resolve("mtb.mv.db"), 0);
        client = MongoClients.create(mongo.uri("bench"));
        applications = client.getDatabase("bench").getCollection("applications");
        applications.createIndex(new Document("idempotencyKey", 1), new IndexOptions().unique(true));
        if (indexes.equals("id_version")) {
            applications.createIndex(new Document("_id", 1).append("version", 1),
                    new IndexOptions().unique(true).name("id_version"));
        }
        List<Document> batch = new ArrayList<>();
        for (int i = 0; i < DOCUMENTS; i++) {
            batch.add(application(i));
            if (batch.size() == 500) {
                applications.insertMany(batch);
                batch.clear();
            }
        }
        versions = new long[DOCUMENTS];
    }

    @Benchmark
    public UpdateResult changeOneApplication() {
        int i = next;
        next = (next + 1) % DOCUMENTS;
        UpdateResult result = applications.updateOne(
                // As Spring Data sends it ({_id: .., version: ..}); the driver's Filters.and would send an $and.
                new Document("_id", number(i)).append("version", versions[i]),
                Updates.combine(Updates.set("status", "IN_REVIEW"), Updates.inc("version", 1L),
                        Updates.push("timeline", new Document("status", "IN_REVIEW").append("note", "受理审核"))));
        if (result.getModifiedCount() != 1) {
            throw new IllegalStateException("application " + i + " at version " + versions[i] + " was not changed");
        }
        versions[i]++;
        return result;
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
        client.close();
        mongo.close();
        Directories.deleteRecursively(directory);
    }

    private static String number(int i) {
        return "620900-20261201-%06d".formatted(i);
    }

    /** About the size and shape of a stored application: sealed personal data, a hospital, a timeline, materials. */
    private static Document application(int i) {
        List<Document> materials = new ArrayList<>();
        for (int m = 0; m < 4; m++) {
            materials.add(new Document("type", "DIAGNOSIS_" + m).append("materialIds", List.of("m-" + i + "-" + m))
                    .append("sha256", "ab".repeat(32)));
        }
        return new Document("_id", number(i)).append("version", 0L).append("idempotencyKey", "key-" + i)
                .append("regionCode", "620900").append("diseaseCode", "M03900").append("status", "SUBMITTED")
                .append("applicant", new Document("idNumber", "sealed:" + "x".repeat(120))
                        .append("name", "sealed:" + "y".repeat(60)).append("phone", "sealed:" + "z".repeat(60))
                        .append("idNumberIndex", "i".repeat(44)))
                .append("hospital", new Document("name", "酒泉市人民医院").append("level", "TERTIARY")
                        .append("code", "H62090001"))
                .append("conditionSummary", "sealed:" + "s".repeat(200))
                .append("timeline", List.of(new Document("status", "SUBMITTED").append("note", "已受理")))
                .append("materials", materials);
    }
}
