package org.mtb.benchmarks.timers;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;

/**
 * Writes open review cases with their SLA timers straight into review-service's database, in the shape the
 * service stores them (collection {@code review_cases}, and {@code due_timer_buckets} with ids
 * {@code <epoch minute>:<shard>}). Deadlines are spread evenly over the coming 30 days, each case with a warning
 * timer 5 days before its deadline, so none falls due while the benchmark runs. Writing them directly takes a
 * minute instead of the hour a million submissions through Kafka would.
 */
final class PendingCaseSeeder {

    static final String REGION = "990002";
    /** As review-service's {@code review.timers.shards}: the seeded buckets are those it reads. */
    private static final int SHARDS = 512;
    private static final int BATCH = 2_000;
    private static final Duration SPREAD = Duration.ofDays(30);
    private static final Duration WARNING_BEFORE = Duration.ofDays(5);

    private final String mongoUri;
    private final String database;

    PendingCaseSeeder(String mongoUri, String database) {
        this.mongoUri = mongoUri;
        this.database = database;
    }

    /** Seeds {@code cases} cases and twice as many timers; answers the number of timers. */
    long seed(int cases, Instant now) {
        Instant first = now.plus(WARNING_BEFORE).plus(Duration.ofHours(1));
        long stepMillis = Math.max(1, SPREAD.toMillis() / cases);
        try (MongoClient client = MongoClients.create(mongoUri)) {
            MongoDatabase db = client.getDatabase(database);
            seedCases(db.getCollection("review_cases"), cases, first, stepMillis, now);
            return seedTimers(db.getCollection("due_timer_buckets"), cases, first, stepMillis);
        }
    }

    private static void seedCases(MongoCollection<Document> collection, int cases, Instant first, long stepMillis,
            Instant now) {
        List<Document> batch = new ArrayList<>(BATCH);
        for (int i = 0; i < cases; i++) {
            Instant due = due(first, stepMillis, i);
            batch.add(caseDocument(number(i), now, due));
            if (batch.size() == BATCH) {
                collection.insertMany(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            collection.insertMany(batch);
        }
    }

    /** Bucket by bucket: for each minute, the cases whose deadline or warning falls in it (both are monotonic). */
    private static long seedTimers(MongoCollection<Document> collection, int cases, Instant first, long stepMillis) {
        long firstMinute = minute(due(first, stepMillis, 0).minus(WARNING_BEFORE));
        long lastMinute = minute(due(first, stepMillis, cases - 1));
        int nextDue = 0;
        int nextWarning = 0;
        long timers = 0;
        List<Document> batch = new ArrayList<>();
        for (long minute = firstMinute; minute <= lastMinute; minute++) {
            List<List<Document>> shards = new ArrayList<>(SHARDS);
            for (int s = 0; s < SHARDS; s++) {
                shards.add(new ArrayList<>());
            }
            while (nextWarning < cases && minute(due(first, stepMillis, nextWarning).minus(WARNING_BEFORE)) == minute) {
                add(shards, nextWarning, "SLA_WARNING", due(first, stepMillis, nextWarning).minus(WARNING_BEFORE));
                nextWarning++;
            }
            while (nextDue < cases && minute(due(first, stepMillis, nextDue)) == minute) {
                add(shards, nextDue, "SLA_BREACH", due(first, stepMillis, nextDue));
                nextDue++;
            }
            for (int s = 0; s < SHARDS; s++) {
                if (!shards.get(s).isEmpty()) {
                    timers += shards.get(s).size();
                    batch.add(new Document("_id", minute + ":" + s).append("timers", shards.get(s))
                            .append("minute", minute));
                }
            }
            if (batch.size() >= BATCH) {
                collection.insertMany(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            collection.insertMany(batch);
        }
        return timers;
    }

    private static void add(List<List<Document>> shards, int i, String kind, Instant at) {
        String subject = number(i);
        shards.get(Math.floorMod(subject.hashCode(), SHARDS)).add(new Document("s", subject).append("k", kind)
                .append("r", 1L).append("at", at.toEpochMilli()));
    }

    private static Document caseDocument(String number, Instant now, Instant due) {
        Document limit = new Document("category", "CHRONIC").append("kind", "WORKING_DAYS").append("workingDays", "20");
        Document sla = new Document("limit", limit).append("startedAt", Date.from(now))
                .append("dueAt", Date.from(due)).append("warnAt", Date.from(due.minus(WARNING_BEFORE)))
                .append("breachAt", Date.from(due)).append("provisional", false).append("calendarRevision", 1L)
                .append("revision", 1L).append("state", "ON_TIME");
        return new Document("_id", number).append("submittedEventId", number)
                .append("regionCode", REGION).append("diseaseCode", "M03900").append("diseaseName", "高血压")
                .append("diseaseCategory", "CHRONIC")
                .append("applicant", new Document("idNumber", "11010519491231002X").append("name", "张三")
                        .append("phone", "13800138000").append("insuranceType", "EMPLOYEE"))
                .append("hospital", new Document("name", "测试市人民医院").append("level", 3))
                .append("conditionSummary", "高血压二级，规律服药").append("channel", "APP")
                .append("submittedAt", Date.from(now)).append("openedAt", Date.from(now)).append("status", "OPEN")
                .append("catalogVersion", "2025.1").append("sla", sla).append("version", 0L).append("outbox", List.of());
    }

    static String number(int i) {
        return REGION + "-" + (20260101 + i / 1_000_000) + "-%06d".formatted(i % 1_000_000);
    }

    private static Instant due(Instant first, long stepMillis, int i) {
        return first.plusMillis(stepMillis * i);
    }

    private static long minute(Instant moment) {
        return Math.floorDiv(moment.getEpochSecond(), 60);
    }
}
