package org.mtb.review.timer;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Fires due timers. Every instance polls; the handler's conditional updates make each timer act once. A minute's
 * buckets are removed once the minute is over by more than a minute (timers set by an instance whose clock is a
 * little behind still land in a minute that is read) and every timer in them was handed to the handler. The
 * first minute not yet cleared is kept in MongoDB, so timers that fell due while no instance ran fire at start.
 */
@Component
class DueTimerPoller {

    static final String CURSOR = "due_timer_cursor";
    private static final String CURSOR_ID = "first-open-minute";
    private static final Logger log = LoggerFactory.getLogger(DueTimerPoller.class);

    private final DueTimers timers;
    private final MongoTemplate mongo;
    private final Clock clock;
    private final DueTimerHandler handler;
    private final TimerProperties properties;
    private final Timer lateness;
    private final Counter fired;
    /** Timers already handed to the handler, per minute not yet cleared; only this poller thread uses it. */
    private final Map<Long, Set<String>> attempted = new HashMap<>();
    private Long firstOpenMinute;
    private boolean failing;

    DueTimerPoller(DueTimers timers, MongoTemplate mongo, Clock clock, DueTimerHandler handler,
            TimerProperties properties, MeterRegistry meters) {
        this.timers = timers;
        this.mongo = mongo;
        this.clock = clock;
        this.handler = handler;
        this.properties = properties;
        this.lateness = Timer.builder("review.timers.lateness")
                .description("How long after its due moment a timer was acted on")
                .publishPercentiles(0.5, 0.99).register(meters);
        this.fired = meters.counter("review.timers.fired");
    }

    @Scheduled(fixedDelayString = "${review.timers.poll-interval}")
    synchronized void poll() {
        try {
            pollOnce();
            if (failing) {
                log.info("Due timers are being fired again");
                failing = false;
            }
        } catch (RuntimeException e) {
            if (!failing) {
                log.warn("Cannot fire due timers now; they stay stored and are retried: {}", e.toString());
                failing = true;
            }
        }
    }

    private void pollOnce() {
        Instant now = clock.instant();
        long currentMinute = DueTimers.minuteOf(now);
        if (firstOpenMinute == null) {
            firstOpenMinute = loadFirstOpenMinute(currentMinute);
        }
        boolean clearedSoFar = true;
        for (long minute = firstOpenMinute; minute <= currentMinute; minute++) {
            boolean allHandled = pollMinute(minute, now);
            boolean closed = minute < currentMinute - 1;
            if (clearedSoFar && allHandled && closed) {
                timers.removeBuckets(minute);
                attempted.remove(minute);
                firstOpenMinute = minute + 1;
                mongo.upsert(Query.query(where("_id").is(CURSOR_ID)), new Update().max("minute", firstOpenMinute),
                        CURSOR);
            } else {
                clearedSoFar = false;
            }
        }
    }

    /** Hands the minute's due timers to the handler; answers whether none of its timers is left to hand over. */
    private boolean pollMinute(long minute, Instant now) {
        Set<String> tried = attempted.computeIfAbsent(minute, m -> new HashSet<>());
        Map<String, DueTimer> due = new LinkedHashMap<>();
        boolean allDue = true;
        for (Document bucket : timers.buckets(minute)) {
            for (Document entry : bucket.getList("timers", Document.class)) {
                DueTimer timer = DueTimers.timer(entry);
                if (tried.contains(timer.key())) {
                    continue;
                }
                if (timer.at().isAfter(now)) {
                    allDue = false;
                } else {
                    due.putIfAbsent(timer.key(), timer);
                }
            }
        }
        List<DueTimer> ordered = new ArrayList<>(due.values());
        ordered.sort(Comparator.comparing(DueTimer::at));
        for (int from = 0; from < ordered.size(); from += properties.batchSize()) {
            List<DueTimer> batch = ordered.subList(from, Math.min(ordered.size(), from + properties.batchSize()));
            List<DueTimer> acted = handler.fire(batch);
            Instant actedAt = clock.instant();
            for (DueTimer timer : acted) {
                Duration late = Duration.between(timer.at(), actedAt);
                lateness.record(late.isNegative() ? Duration.ZERO : late);
            }
            fired.increment(acted.size());
            batch.forEach(timer -> tried.add(timer.key()));
        }
        return allDue;
    }

    private long loadFirstOpenMinute(long currentMinute) {
        Document cursor = mongo.findById(CURSOR_ID, Document.class, CURSOR);
        if (cursor != null) {
            return ((Number) cursor.get("minute")).longValue();
        }
        mongo.upsert(Query.query(where("_id").is(CURSOR_ID)), new Update().max("minute", currentMinute - 1), CURSOR);
        return currentMinute - 1;
    }
}
