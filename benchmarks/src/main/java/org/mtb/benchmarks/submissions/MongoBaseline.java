package org.mtb.benchmarks.submissions;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.bson.Document;
import tools.jackson.databind.json.JsonMapper;

/**
 * The MongoDB server's own pace: {@code insertOne} of application-sized documents (about 1 KB, shaped like intake's
 * {@code applications} with their outbox entry) in a loop, with nothing else in between, into a scratch database of
 * the same server the services use.
 */
final class MongoBaseline {

    static final String DATABASE = "mtb_benchmark_scratch";

    private final String mongoUri;
    private final String payload;

    MongoBaseline(String mongoUri, JsonMapper json) {
        this.mongoUri = mongoUri;
        this.payload = new ApplicationBodies(json, PreparedMaterials.placeholders()).json(0);
    }

    /** Inserts per second with {@code threads} threads inserting one document at a time for {@code duration}. */
    double insertsPerSecond(int threads, Duration duration) throws InterruptedException {
        try (MongoClient client = MongoClients.create(mongoUri)) {
            MongoCollection<Document> collection = client.getDatabase(DATABASE).getCollection("inserts_" + threads);
            collection.drop();
            LongAdder inserted = new LongAdder();
            AtomicLong sequence = new AtomicLong();
            AtomicReference<RuntimeException> failure = new AtomicReference<>();
            long start = System.nanoTime();
            long end = start + duration.toNanos();
            Thread.Builder builder = Thread.ofPlatform().name("insert-", 0);
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(builder.start(() -> {
                    try {
                        while (System.nanoTime() < end) {
                            collection.insertOne(document(sequence.incrementAndGet()));
                            inserted.increment();
                        }
                    } catch (RuntimeException e) {
                        failure.compareAndSet(null, e);
                    }
                }));
            }
            for (Thread worker : workers) {
                worker.join();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            RuntimeException failed = failure.get();
            if (failed != null) {
                throw new IllegalStateException("insertOne failed: " + failed.getMessage(), failed);
            }
            collection.drop();
            return inserted.sum() / seconds;
        }
    }

    private Document document(long i) {
        String number = "999999-20260101-%06d".formatted(i);
        Date now = new Date();
        Document outbox = new Document("eventId", UUID.randomUUID().toString())
                .append("topic", "intake.application-submitted").append("key", number).append("payload", payload)
                .append("createdAt", now);
        return new Document("_id", number).append("idempotencyKey", "baseline-" + i)
                .append("requestFingerprint", "0".repeat(64)).append("regionCode", "620900")
                .append("diseaseCode", "M03900").append("diseaseName", "高血压").append("diseaseCategory", "CHRONIC")
                .append("applicant", new Document("idNumber", "62090219400101001X").append("name", "王伟")
                        .append("phone", "13000000001").append("insuranceType", "EMPLOYEE"))
                .append("hospital", new Document("name", "酒泉市人民医院").append("level", 3))
                .append("conditionSummary", "确诊三年，规律服药，需长期门诊治疗").append("channel", "APP")
                .append("submittedAt", now).append("status", "SUBMITTED")
                .append("timeline", List.of(new Document("status", "SUBMITTED").append("at", now)
                        .append("note", "已受理")))
                .append("version", 0L).append("outbox", List.of(outbox));
    }
}
