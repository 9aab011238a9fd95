package org.mtb.review.timer;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import com.mongodb.client.model.UpdateOneModel;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.mtb.support.mongo.DirectBulkWrites;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Where timers are kept: bucket documents with id {@code <epoch minute>:<shard>}, each holding the timers due in
 * that minute. A poller finds a minute's buckets by id alone, which even a store without secondary indexes
 * answers at once, so a million pending timers cost neither start time nor memory.
 */
@Component
public class DueTimers {

    static final String BUCKETS = "due_timer_buckets";
    static final String CURSOR = "due_timer_cursor";
    private static final String CURSOR_ID = "first-open-minute";

    private final MongoTemplate mongo;
    private final Clock clock;
    private final TimerProperties properties;

    public DueTimers(MongoTemplate mongo, Clock clock, TimerProperties properties) {
        this.mongo = mongo;
        this.clock = clock;
        this.properties = properties;
    }

    /**
     * Stores timers. A timer already due goes into the current minute, whose buckets pollers still read; setting
     * the same timer twice is harmless, since its handler acts once. A writer held up past the minute it chose (a
     * pause, a slow store) looks whether pollers have cleared that minute meanwhile, and if so writes the timers again
     * into the first minute still open.
     */
    public void schedule(Collection<DueTimer> timers) {
        long chosen = minuteOf(clock.instant());
        write(timers, chosen);
        if (minuteOf(clock.instant()) > chosen) {
            long firstOpen = firstOpenMinute();
            List<DueTimer> cleared = timers.stream().filter(t -> Math.max(minuteOf(t.at()), chosen) < firstOpen)
                    .toList();
            if (!cleared.isEmpty()) {
                write(cleared, Math.max(firstOpen, minuteOf(clock.instant())));
            }
        }
    }

    private void write(Collection<DueTimer> timers, long earliestMinute) {
        Map<String, List<Document>> byBucket = new LinkedHashMap<>();
        for (DueTimer timer : timers) {
            long minute = Math.max(minuteOf(timer.at()), earliestMinute);
            Document entry = new Document("s", timer.subject()).append("k", timer.kind())
                    .append("r", timer.revision()).append("at", timer.at().toEpochMilli());
            byBucket.computeIfAbsent(bucketId(minute, shard(timer.subject())), id -> new ArrayList<>()).add(entry);
        }
        if (byBucket.isEmpty()) {
            return;
        }
        // One command for every bucket: a poll's cases put timers in many shards' buckets at once.
        List<UpdateOneModel<Document>> upserts = new ArrayList<>(byBucket.size());
        byBucket.forEach((id, entries) -> upserts.add(DirectBulkWrites.upsertById(id,
                new Document("$push", new Document("timers", new Document("$each", entries))))));
        DirectBulkWrites.unordered(mongo, BUCKETS, upserts);
    }

    /** The first minute pollers have not cleared yet, shared by all instances; the lowest long before any ran. */
    long firstOpenMinute() {
        Document cursor = mongo.findById(CURSOR_ID, Document.class, CURSOR);
        return cursor == null ? Long.MIN_VALUE : ((Number) cursor.get("minute")).longValue();
    }

    /** Moves the first open minute on to {@code minute}, never back (another instance may be further). */
    void openFrom(long minute) {
        mongo.upsert(Query.query(where("_id").is(CURSOR_ID)), new Update().max("minute", minute), CURSOR);
    }

    List<Document> buckets(long minute) {
        return mongo.find(Query.query(where("_id").in(bucketIds(minute))), Document.class, BUCKETS);
    }

    void removeBuckets(long minute) {
        mongo.remove(Query.query(where("_id").in(bucketIds(minute))), BUCKETS);
    }

    static long minuteOf(Instant moment) {
        return Math.floorDiv(moment.getEpochSecond(), 60);
    }

    static DueTimer timer(Document entry) {
        return new DueTimer(entry.getString("s"), entry.getString("k"), ((Number) entry.get("r")).longValue(),
                Instant.ofEpochMilli(((Number) entry.get("at")).longValue()));
    }

    private List<String> bucketIds(long minute) {
        List<String> ids = new ArrayList<>(properties.shards());
        for (int shard = 0; shard < properties.shards(); shard++) {
            ids.add(bucketId(minute, shard));
        }
        return ids;
    }

    private int shard(String subject) {
        return Math.floorMod(subject.hashCode(), properties.shards());
    }

    private static String bucketId(long minute, int shard) {
        return minute + ":" + shard;
    }
}
