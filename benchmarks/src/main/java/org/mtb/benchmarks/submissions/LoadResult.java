package org.mtb.benchmarks.submissions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToLongFunction;
import org.mtb.benchmarks.load.Percentiles;

/** Every answer of one phase, collected while its workers run. */
final class LoadResult {

    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private final Queue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private final long startNanos = System.nanoTime();
    private final long startMillis = System.currentTimeMillis();
    private volatile long endNanos;

    void add(Outcome outcome) {
        outcomes.add(outcome);
        if (outcome.accepted()) {
            accepted.incrementAndGet();
        }
    }

    /** Every answer so far, in the order they came. */
    List<Outcome> outcomes() {
        return List.copyOf(outcomes);
    }

    /** 201 answers so far, replays included. */
    int acceptedCount() {
        return accepted.get();
    }

    void finish() {
        endNanos = System.nanoTime();
    }

    /**
     * Every answer as a line of CSV ({@code sent_at_ms,latency_us,status,index}, in the order sent), to see answer
     * times over the phase against what else happened then (a collection, a store's write, a change of setting).
     */
    void writeAnswers(Path file) {
        StringBuilder csv = new StringBuilder(outcomes.size() * 32).append("sent_at_ms,latency_us,status,index\n");
        outcomes.stream().sorted(Comparator.comparingLong(LoadResult::sentAtMillis)).forEach(o -> csv
                .append(sentAtMillis(o)).append(',').append(o.latencyMicros()).append(',').append(o.status())
                .append(',').append(o.index()).append('\n'));
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, csv);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long sentAtMillis(Outcome outcome) {
        return outcome.answeredAtMillis() - outcome.latencyMicros() / 1000;
    }

    /** From the phase's start to its last answer. */
    double seconds() {
        long end = endNanos == 0 ? System.nanoTime() : endNanos;
        return (end - startNanos) / 1e9;
    }

    /** Seconds from the phase's start to the last acceptance; 0 when none came. */
    double lastAcceptedSeconds() {
        long last = outcomes.stream().filter(Outcome::accepted).mapToLong(Outcome::answeredAtMillis).max()
                .orElse(startMillis);
        return Math.max(0, last - startMillis) / 1000.0;
    }

    /** The moment the last answer was in, on this JVM's clock. */
    long finishedAtMillis() {
        return outcomes.stream().mapToLong(Outcome::answeredAtMillis).max().orElse(System.currentTimeMillis());
    }

    /** Each accepted application once, by its number; a replay names the application its first request created. */
    Map<String, Outcome> acceptedByNumber() {
        Map<String, Outcome> byNumber = new LinkedHashMap<>();
        for (Outcome outcome : outcomes) {
            if (outcome.accepted()) {
                byNumber.merge(Objects.requireNonNull(outcome.applicationNumber()), outcome,
                        (one, other) -> one.replayed() ? other : one);
            }
        }
        return byNumber;
    }

    /** The fewest applications accepted in any whole window of the phase, as a rate: what held throughout. */
    double lowestRate(Duration window) {
        long windowMillis = window.toMillis();
        int windows = (int) (seconds() * 1000 / windowMillis);
        if (windows == 0) {
            return acceptedByNumber().size() / Math.max(0.001, seconds());
        }
        return lowestRate(windows, windowMillis, outcome -> (outcome.answeredAtMillis() - startMillis) / windowMillis);
    }

    /**
     * The fewest applications accepted of those offered in any window of a fixed-rate schedule, as a rate: what held
     * throughout. Each counts in the window it was due to be sent in (its index on the schedule of {@code rate} a
     * second from index {@code first}), so a stack that accepts all it is offered shows the offered rate in every
     * window. {@link #lowestRate} counts by the answers' time instead: its first window lacks what was still in flight
     * at its end (the rate times the answer time, about 80 applications at 600/s and 130 ms), so at a rate offered
     * exactly it falls short of that rate even when nothing is refused.
     */
    double lowestScheduledRate(int first, int rate, Duration length, Duration window) {
        long windowMillis = window.toMillis();
        int windows = (int) Math.max(1, length.toMillis() / windowMillis);
        return lowestRate(windows, windowMillis, outcome -> (outcome.index() - first) * 1000L / rate / windowMillis);
    }

    /** The fewest first acceptances in any of {@code windows} windows, as a rate; each counts in its {@code window}. */
    private double lowestRate(int windows, long windowMillis, ToLongFunction<Outcome> window) {
        long[] perWindow = new long[windows];
        for (Outcome outcome : outcomes) {
            long w = window.applyAsLong(outcome);
            if (outcome.accepted() && !outcome.replayed() && w >= 0 && w < windows) {
                perWindow[(int) w]++;
            }
        }
        return Arrays.stream(perWindow).min().orElse(0) * 1000.0 / windowMillis;
    }

    int replays() {
        return (int) outcomes.stream().filter(o -> o.accepted() && o.replayed()).count();
    }

    /** Answer times of the accepted requests. */
    Percentiles latency() {
        List<Double> millis = new ArrayList<>();
        outcomes.stream().filter(Outcome::accepted).forEach(o -> millis.add(o.latencyMicros() / 1000.0));
        return Percentiles.ofMillis(millis);
    }

    /**
     * The accepted requests answered in more than {@code millis}, counted by the second of this JVM's clock in which
     * each was sent: slow answers crowded into a few seconds point at stalls (a collection, a write of the store),
     * slow answers in every second at a machine busy throughout. {@code none over 100 ms}, or {@code 130 over 100 ms
     * (1.4 %), sent in 6 different seconds; most in 19:41:07 (85), 19:41:08 (40), 19:41:26 (3)}.
     */
    String slowAnswers(long millis) {
        Map<Long, Integer> bySecond = new TreeMap<>();
        int accepted = 0;
        for (Outcome outcome : outcomes) {
            if (!outcome.accepted()) {
                continue;
            }
            accepted++;
            if (outcome.latencyMicros() > millis * 1000) {
                long sentAtMillis = sentAtMillis(outcome);
                bySecond.merge(sentAtMillis / 1000, 1, Integer::sum);
            }
        }
        int slow = bySecond.values().stream().mapToInt(Integer::intValue).sum();
        if (slow == 0) {
            return "none over %d ms".formatted(millis);
        }
        List<String> worst = bySecond.entrySet().stream()
                .sorted(Map.Entry.<Long, Integer>comparingByValue().reversed()).limit(3)
                .map(e -> "%s (%,d)".formatted(SECOND.format(Instant.ofEpochSecond(e.getKey())),
                        e.getValue()))
                .toList();
        return "%,d over %d ms (%.1f %%), sent in %d different seconds; most in %s".formatted(slow, millis,
                100.0 * slow / accepted, bySecond.size(), String.join(", ", worst));
    }

    /** {@code none}, or {@code HTTP 503: 12, no answer (ConnectException): 1,034}. */
    String errors() {
        Map<String, Integer> byKind = new TreeMap<>();
        outcomes.stream().filter(o -> !o.accepted()).forEach(o -> byKind.merge(o.errorKind(), 1, Integer::sum));
        if (byKind.isEmpty()) {
            return "none";
        }
        List<String> parts = new ArrayList<>();
        byKind.forEach((kind, count) -> parts.add("%s: %,d".formatted(kind, count)));
        return String.join(", ", parts);
    }

    /** {@code 10,000 accepted in 14.2 s = 704/s; HTTP p50 ..; errors none}. */
    String summary() {
        int unique = acceptedByNumber().size();
        return "%,d accepted in %.1f s = %,.0f/s; HTTP %s; errors %s".formatted(unique, seconds(),
                unique / Math.max(0.001, seconds()), latency().summary(), errors());
    }
}
