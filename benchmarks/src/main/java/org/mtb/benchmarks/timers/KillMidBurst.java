package org.mtb.benchmarks.timers;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.mtb.benchmarks.load.Arrival;
import org.mtb.benchmarks.load.StackProcesses;
import org.mtb.benchmarks.load.TopicArrivals;
import org.mtb.contracts.review.SlaBreached;
import org.mtb.stack.KafkaTestClient;
import org.mtb.stack.LocalStack;
import tools.jackson.databind.json.JsonMapper;

/**
 * A second burst, with review-service killed (SIGKILL) as soon as the first of its breaches reaches Kafka and started
 * again on the same data: every breach must still arrive, at least once. A breach published again after the restart
 * is counted as a duplicate, which at-least-once delivery allows; one that never arrives fails the benchmark.
 */
final class KillMidBurst {

    private static final String LABEL = "kill mid-burst";

    private final LocalStack stack;
    private final KafkaTestClient kafka;
    private final JsonMapper json;
    private final ReviewProbe review;
    private final TopicArrivals breaches;
    private final Map<String, String> environment;

    KillMidBurst(LocalStack stack, KafkaTestClient kafka, JsonMapper json, ReviewProbe review, TopicArrivals breaches,
            Map<String, String> environment) {
        this.stack = stack;
        this.kafka = kafka;
        this.json = json;
        this.review = review;
        this.breaches = breaches;
        this.environment = environment;
    }

    void run(int burst, Duration grace) throws Exception {
        Instant acceptedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        Instant dueAt = acceptedAt.plus(grace);
        List<String> numbers = BurstEvents.submit(kafka, json, TimerBenchmark.KILL_REGION, burst, acceptedAt);
        TimerBenchmark.report(LABEL, "%,d more submissions (region %s), all due at %s", burst,
                TimerBenchmark.KILL_REGION, dueAt);
        review.awaitOpened(TimerBenchmark.KILL_REGION, burst, dueAt);

        Arrival first = breaches.awaitAny(numbers, Duration.between(Instant.now(), dueAt)
                .plus(TimerBenchmark.ARRIVAL_TIMEOUT)).orElseThrow(() -> new IllegalStateException(
                        "No breach of the second burst arrived within " + TimerBenchmark.ARRIVAL_TIMEOUT.toMinutes()
                                + " minutes of its due moment"));
        long pid = StackProcesses.killHard(stack, "review");
        long killedAt = System.currentTimeMillis();
        TimerBenchmark.report(LABEL, "SIGKILL review-service (pid %d) %,d ms after the first breach arrived, "
                + "%,d of %,d breaches on Kafka by then", pid, killedAt - first.arrivedAtMillis(),
                breaches.arrivedCount(numbers), numbers.size());

        Duration restart = StackProcesses.restart(stack, "review", environment, TimerBenchmark.START_TIMEOUT);
        TimerBenchmark.report(LABEL, "review-service healthy again %.1f s after its restart",
                restart.toMillis() / 1000.0);

        breaches.awaitAll(numbers, TimerBenchmark.ARRIVAL_TIMEOUT);
        Map<String, Arrival> arrived = breaches.arrivals(numbers);
        int lost = numbers.size() - arrived.size();
        Instant due = json.readValue(Objects.requireNonNull(first.value()), SlaBreached.class).dueAt();
        long last = arrived.values().stream().mapToLong(Arrival::arrivedAtMillis).max().orElse(killedAt);
        TimerBenchmark.report(LABEL, "%,d of %,d breaches arrived, %,d duplicates, %,d lost, last arrival %.1f s"
                + " after due", arrived.size(), numbers.size(), breaches.duplicates(numbers), lost,
                (last - due.toEpochMilli()) / 1000.0);
        review.reportMemory("memory after restart");
        if (lost > 0) {
            throw new IllegalStateException(lost + " of " + numbers.size() + " breaches never reached Kafka within "
                    + TimerBenchmark.ARRIVAL_TIMEOUT.toMinutes() + " minutes of review-service's restart");
        }
    }
}
