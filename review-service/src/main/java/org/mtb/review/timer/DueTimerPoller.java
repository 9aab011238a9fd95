package org.mtb.review.timer;

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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Fires due timers. Every instance polls; the handler makes each timer act once. Timers due within the lookahead
 * are read ahead in batches of those due within the same 100 ms, and a batch fires when its last timer is due. A
 * minute's buckets are removed once the minute is over by more than a minute and every timer in them fired. The
 * first minute not yet cleared is kept in MongoDB, so timers that fell due while no instance ran fire at start.
 */
@Component
public class DueTimerPoller {

    private static final long SLOT_MILLIS = 100;
    private static final Logger log = LoggerFactory.getLogger(DueTimerPoller.class);

    private final DueTimers timers;
    private final Clock clock;
    private final DueTimerHandler handler;
    private final TimerProperties properties;
    private final Timer lateness;
    private final Counter fired;
    private final Counter dropped;
    /** Timers already read ahead, per minute not yet cleared; only the polling thread uses it. */
    private final Map<Long, Set<String>> attempted = new HashMap<>();
    /** When this poller first found a timer's subject missing, by timer; only the polling thread uses it. */
    private final Map<String, Instant> waitingSince = new HashMap<>();
    private final List<Batch> ready = new ArrayList<>();
    private @Nullable Long firstOpenMinute;
    private boolean failing;

    /** The poller of the service: each timer goes to the handler of its kind ({@link DueTimerHandler#kinds()}). */
    @org.springframework.beans.factory.annotation.Autowired
    public DueTimerPoller(DueTimers timers, Clock clock, List<DueTimerHandler> handlers, TimerProperties properties,
            MeterRegistry meters) {
        this(timers, clock, DueTimerHandlers.of(handlers), properties, meters);
    }

    public DueTimerPoller(DueTimers timers, Clock clock, DueTimerHandler handler,
            TimerProperties properties, MeterRegistry meters) {
        this.timers = timers;
        this.clock = clock;
        this.handler = handler;
        this.properties = properties;
        this.lateness = Timer.builder("review.timers.lateness")
                .description("How long after its due moment a timer was acted on")
                .publishPercentiles(0.5, 0.99).register(meters);
        this.fired = meters.counter("review.timers.fired");
        this.dropped = meters.counter("review.timers.dropped");
    }

    /** One poll; {@link TimerLoop} runs it every {@code poll-interval} on a thread of its own. */
    public synchronized void poll() {
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
        Instant horizon = now.plus(properties.lookahead());
        if (firstOpenMinute == null) {
            firstOpenMinute = loadFirstOpenMinute(currentMinute);
        }
        Set<Long> allRead = new HashSet<>();
        for (long minute = firstOpenMinute; minute <= DueTimers.minuteOf(horizon); minute++) {
            if (prepareMinute(minute, horizon, now)) {
                allRead.add(minute);
            }
        }
        fireDue();
        boolean clearedSoFar = true;
        for (long minute = firstOpenMinute; minute < currentMinute - 1 && clearedSoFar; minute++) {
            // A minute over by more than a minute receives no more timers, even from an instance whose clock is
            // a little behind; once all of its timers, read above, were fired, its buckets go.
            long closed = minute;
            clearedSoFar = allRead.contains(closed) && ready.stream().noneMatch(batch -> batch.minute() == closed);
            if (clearedSoFar) {
                // The cursor moves first, so that a writer held up meanwhile sees its minute closed and writes again;
                // what such a writer stored before the cursor moved is read here once more and moved on.
                firstOpenMinute = minute + 1;
                timers.openFrom(firstOpenMinute);
                Set<String> seen = attempted.getOrDefault(closed, Set.of());
                List<DueTimer> late = timers.buckets(closed).stream()
                        .flatMap(bucket -> bucket.getList("timers", Document.class).stream()).map(DueTimers::timer)
                        .filter(timer -> !seen.contains(timer.key())).toList();
                if (!late.isEmpty()) {
                    timers.schedule(late);
                }
                timers.removeBuckets(closed);
                attempted.remove(closed);
            }
        }
    }

    /**
     * Reads ahead the minute's timers due before {@code horizon}, in batches of timers due within 100 ms; answers
     * whether every timer of the minute has now been read ahead for good. A timer whose subject is not there yet is
     * read again on the next poll (and keeps its minute open), until {@code orphan-grace} after its moment.
     */
    private boolean prepareMinute(long minute, Instant horizon, Instant now) {
        Set<String> seen = attempted.computeIfAbsent(minute, m -> new HashSet<>());
        Map<Long, List<DueTimer>> bySlot = new TreeMap<>();
        boolean allRead = true;
        for (Document bucket : timers.buckets(minute)) {
            for (Document entry : bucket.getList("timers", Document.class)) {
                DueTimer timer = DueTimers.timer(entry);
                if (timer.at().isAfter(horizon)) {
                    allRead = false;
                } else if (seen.add(timer.key())) {
                    bySlot.computeIfAbsent(timer.at().toEpochMilli() / SLOT_MILLIS, slot -> new ArrayList<>())
                            .add(timer);
                }
            }
        }
        for (List<DueTimer> slot : bySlot.values()) {
            slot.sort(Comparator.comparing(DueTimer::at));
            for (int from = 0; from < slot.size(); from += properties.batchSize()) {
                int to = Math.min(slot.size(), from + properties.batchSize());
                List<DueTimer> batch = List.copyOf(slot.subList(from, to));
                DueTimerHandler.Prepared prepared;
                try {
                    prepared = handler.prepare(batch);
                } catch (RuntimeException e) {
                    batch.forEach(timer -> seen.remove(timer.key()));
                    throw e;
                }
                ready.add(new Batch(minute, batch, prepared));
                batch.stream().filter(timer -> !prepared.notYet().contains(timer))
                        .forEach(timer -> waitingSince.remove(timer.key()));
                allRead &= lookAgainLater(prepared.notYet(), seen, now);
            }
        }
        return allRead;
    }

    /**
     * Answers whether every timer was given up: those still within their grace are read again on the next poll. The
     * grace runs from when this poller first found the subject missing, not from the timer's moment: a timer set
     * already overdue (a case due at once, accepted late) is written just before its case.
     */
    private boolean lookAgainLater(List<DueTimer> notYet, Set<String> seen, Instant now) {
        boolean allGivenUp = true;
        for (DueTimer timer : notYet) {
            Instant since = waitingSince.computeIfAbsent(timer.key(), key -> now);
            if (now.isAfter(since.plus(properties.orphanGrace()))) {
                waitingSince.remove(timer.key());
                dropped.increment();
                log.warn("Timer {} of {} (revision {}, due {}) dropped: its subject was not there for {}",
                        timer.kind(), timer.subject(), timer.revision(), timer.at(), properties.orphanGrace());
            } else {
                seen.remove(timer.key());
                allGivenUp = false;
            }
        }
        return allGivenUp;
    }

    private void fireDue() {
        ready.sort(Comparator.comparing(Batch::lastDue));
        while (!ready.isEmpty() && !ready.getFirst().lastDue().isAfter(clock.instant())) {
            Batch batch = ready.getFirst();
            List<DueTimer> acted = batch.prepared().fire();
            ready.removeFirst();
            Instant actedAt = clock.instant();
            for (DueTimer timer : acted) {
                Duration late = Duration.between(timer.at(), actedAt);
                lateness.record(late.isNegative() ? Duration.ZERO : late);
            }
            fired.increment(acted.size());
        }
    }

    /** Timers read ahead and waiting for their moment; {@code lastDue} is the latest of them. */
    private record Batch(long minute, List<DueTimer> timers, DueTimerHandler.Prepared prepared) {

        Instant lastDue() {
            return timers.getLast().at();
        }
    }

    private long loadFirstOpenMinute(long currentMinute) {
        long stored = timers.firstOpenMinute();
        if (stored != Long.MIN_VALUE) {
            return stored;
        }
        timers.openFrom(currentMinute - 1);
        return currentMinute - 1;
    }
}
