package org.mtb.review.timer;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.result.UpdateResult;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.mtb.stack.EmbeddedMongo;
import org.mtb.support.testing.TestClock;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.UpdateDefinition;

/** The poller against stored buckets, with a clock the test moves: no sleeping. */
class DueTimerPollerTests {

    private static final EmbeddedMongo MONGO = EmbeddedMongo.inMemory();
    private static final MongoClient CLIENT = MongoClients.create(MONGO.uri("admin"));
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final TimerProperties PROPERTIES = new TimerProperties(Duration.ofMillis(200),
            Duration.ofSeconds(2), 4, 2000,
            Duration.ofMinutes(5));

    private final TestClock clock = TestClock.at("2026-11-30T02:00:10Z");
    private final MongoTemplate mongo = new MongoTemplate(CLIENT, "timers_" + DATABASES.incrementAndGet());
    private final DueTimers timers = new DueTimers(mongo, clock, PROPERTIES);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void firesATimerAtItsMomentAndNotBefore() {
        RecordingHandler handler = new RecordingHandler();
        DueTimerPoller poller = poller(handler);
        DueTimer timer = new DueTimer("A-1", "SLA_WARNING", 1, clock.instant().plusMillis(1500));
        timers.schedule(List.of(timer));

        poller.poll();
        clock.advance(Duration.ofMillis(1400));
        poller.poll();

        assertThat(handler.prepared).as("read ahead within the lookahead").hasSize(1);
        assertThat(handler.acted).isEmpty();

        clock.advance(Duration.ofMillis(150));
        poller.poll();

        assertThat(handler.acted).containsExactly(timer);
        assertThat(meters.get("review.timers.lateness").timer().max(java.util.concurrent.TimeUnit.MILLISECONDS))
                .isEqualTo(50);
    }

    @Test
    void firesOnceAtItsNextStartWhatFellDueWhileNoInstanceRan() {
        RecordingHandler before = new RecordingHandler();
        poller(before).poll();
        DueTimer warning = new DueTimer("A-2", "SLA_WARNING", 1, clock.instant().plus(Duration.ofMinutes(3)));
        DueTimer breach = new DueTimer("A-2", "SLA_BREACH", 1, clock.instant().plus(Duration.ofMinutes(7)));
        timers.schedule(List.of(warning, breach));

        clock.advance(Duration.ofMinutes(30));
        RecordingHandler after = new RecordingHandler();
        DueTimerPoller restarted = poller(after);
        restarted.poll();
        restarted.poll();

        assertThat(before.acted).isEmpty();
        assertThat(after.acted).containsExactly(warning, breach);
    }

    @Test
    void clearsAMinuteOnceItIsOverAndEveryTimerInItFired() {
        RecordingHandler handler = new RecordingHandler();
        DueTimerPoller poller = poller(handler);
        Instant due = clock.instant().plusSeconds(1);
        timers.schedule(List.of(new DueTimer("A-3", "SLA_BREACH", 1, due)));
        long minute = DueTimers.minuteOf(due);

        clock.advance(Duration.ofSeconds(1));
        poller.poll();
        assertThat(handler.acted).hasSize(1);
        assertThat(buckets(minute)).as("its minute is not over yet").isPositive();

        clock.advance(Duration.ofMinutes(2));
        poller.poll();

        assertThat(buckets(minute)).isZero();
        assertThat(timers.firstOpenMinute()).isGreaterThan(minute);
        assertThat(handler.acted).hasSize(1);
    }

    @Test
    void looksAgainForASubjectUntilTheGraceAndThenLetsItsMinuteGo() {
        RecordingHandler handler = new RecordingHandler();
        handler.missing.add("A-5");
        DueTimerPoller poller = poller(handler);
        poller.poll();
        Instant due = clock.instant().plusSeconds(1);
        timers.schedule(List.of(new DueTimer("A-5", "SLA_BREACH", 1, due)));
        long minute = DueTimers.minuteOf(due);

        clock.advance(Duration.ofMinutes(3));
        poller.poll();
        poller.poll();
        assertThat(handler.prepared).as("read again on every poll while its subject is missing").hasSize(2);
        assertThat(buckets(minute)).as("a timer still looked for keeps its minute").isPositive();

        clock.advance(Duration.ofMinutes(3));
        poller.poll();
        assertThat(meters.counter("review.timers.dropped").count()).as("5 min after it was first missed").isZero();
        clock.advance(Duration.ofMinutes(3));
        poller.poll();
        poller.poll();

        assertThat(handler.acted).isEmpty();
        assertThat(meters.counter("review.timers.dropped").count()).isEqualTo(1);
        assertThat(buckets(minute)).isZero();
    }

    @Test
    void writesATimerAgainThatItsWriterStoredInAMinuteAPollerClearedMeanwhile() {
        RecordingHandler handler = new RecordingHandler();
        DueTimerPoller poller = poller(handler);
        poller.poll();
        AtomicBoolean stalled = new AtomicBoolean();
        MongoTemplate stalling = new MongoTemplate(CLIENT, mongo.getDb().getName()) {
            @Override
            public UpdateResult upsert(Query query, UpdateDefinition update, String collectionName) {
                if (collectionName.equals(DueTimers.BUCKETS) && stalled.compareAndSet(false, true)) {
                    // The writer chose its minute, then stood still for three minutes while the poller went on.
                    clock.advance(Duration.ofMinutes(3));
                    poller.poll();
                }
                return super.upsert(query, update, collectionName);
            }
        };
        DueTimer timer = new DueTimer("A-6", "SLA_BREACH", 1, clock.instant());

        new DueTimers(stalling, clock, PROPERTIES).schedule(List.of(timer));
        poller.poll();

        assertThat(handler.acted).containsExactly(timer);
    }

    @Test
    void putsATimerAlreadyDueIntoTheCurrentMinute() {
        Instant overdue = clock.instant().minus(Duration.ofMinutes(10));

        timers.schedule(List.of(new DueTimer("A-4", "SLA_BREACH", 1, overdue)));

        assertThat(buckets(DueTimers.minuteOf(overdue))).isZero();
        assertThat(buckets(DueTimers.minuteOf(clock.instant()))).isEqualTo(1);
    }

    private DueTimerPoller poller(DueTimerHandler handler) {
        return new DueTimerPoller(timers, clock, handler, PROPERTIES, meters);
    }

    private long buckets(long minute) {
        return timers.buckets(minute).size();
    }
}
