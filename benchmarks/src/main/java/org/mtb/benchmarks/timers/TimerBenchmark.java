package org.mtb.benchmarks.timers;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.mtb.benchmarks.load.Arrival;
import org.mtb.benchmarks.load.Directories;
import org.mtb.benchmarks.load.FailedRunEvidence;
import org.mtb.benchmarks.load.MachineSpeed;
import org.mtb.benchmarks.load.Percentiles;
import org.mtb.benchmarks.load.TopicArrivals;
import org.mtb.contracts.Topics;
import org.mtb.contracts.review.SlaBreached;
import org.mtb.stack.KafkaTestClient;
import org.mtb.stack.LocalStack;
import org.mtb.stack.StackSettings;
import tools.jackson.databind.json.JsonMapper;

/**
 * Measures review-service's SLA timers at scale, against the embedded infrastructure and the real service jar:
 * <ol>
 *   <li>seeds {@code --cases} open cases (default 500,000) with two timers each (default 1,000,000 pending timers);
 *   <li>starts review-service on them and measures the time until it is healthy and firing, and its memory;
 *   <li>submits {@code --burst} applications (default 10,000) through Kafka whose deadlines (special diseases, due at
 *       once, breaching after a grace in a calendar where every moment is working time) all fall in the same
 *       second, and measures how late each {@code SlaBreached} was recorded, and how late it reached a consumer that
 *       reads the topic all along: p50, p99, max;
 *   <li>unless {@code --no-kill}: a second such burst, due a burst later, during which review-service is killed
 *       (SIGKILL) as soon as the first breach of it arrives, then started again; every breach must still arrive.
 * </ol>
 * Run from the repository root with {@code ./mtb bench timers [--cases N] [--burst N] [--grace-seconds N]
 * [--service-env NAME=VALUE]... [--no-kill]}. Exits with 1 when a breach is lost.
 */
public final class TimerBenchmark {

    static final String BURST_REGION = "990001";
    /** The second burst's region, so that its application numbers are not the first burst's. */
    static final String KILL_REGION = "990003";
    static final Duration START_TIMEOUT = Duration.ofMinutes(10);
    static final Duration ARRIVAL_TIMEOUT = Duration.ofMinutes(5);

    private final JsonMapper json = JsonMapper.builder().build();

    public static void main(String[] args) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        int cases = option(args, "--cases", 500_000);
        int burst = option(args, "--burst", 10_000);
        int graceSeconds = option(args, "--grace-seconds", 90);
        boolean kill = !Arrays.asList(args).contains("--no-kill");
        Map<String, String> environment = new HashMap<>();
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals("--service-env")) {
                String[] pair = args[i + 1].split("=", 2);
                environment.put(pair[0], pair.length > 1 ? pair[1] : "");
            }
        }
        try {
            new TimerBenchmark().run(cases, burst, Duration.ofSeconds(graceSeconds), environment, kill);
        } catch (Exception e) {
            System.out.println("[timers] FAILED: " + e.getMessage());
            e.printStackTrace(System.out);
            System.exit(1);
        }
    }

    private void run(int cases, int burst, Duration grace, Map<String, String> serviceEnvironment, boolean kill)
            throws Exception {
        Path repo = Path.of("").toAbsolutePath();
        Path data = repo.resolve("benchmarks/target/timer-benchmark");
        Directories.deleteRecursively(data);
        StackSettings settings = StackSettings.defaults(repo).withFreePorts().withDataDir(data);
        report("options", "benchmark JVM %s (MTB_BENCH_JVM_OPTS)",
                java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
        report("machine", "%s", MachineSpeed.ofRun().describe());
        try (LocalStack stack = new LocalStack(settings);
                KafkaTestClient kafka = startInfrastructure(stack, settings)) {
            try {
                long seedStart = System.nanoTime();
                long timers = new PendingCaseSeeder(settings.mongoUri("review"), settings.mongoDatabase("review"))
                        .seed(cases, Instant.now());
                report("seeded", "%,d cases, %,d pending timers in %.1f s", cases, timers, seconds(seedStart));

                BurstEvents.publishPolicyAndCalendar(kafka, json, BURST_REGION);
                BurstEvents.publishPolicyAndCalendar(kafka, json, KILL_REGION);
                Map<String, String> environment = new HashMap<>(serviceEnvironment);
                environment.put("REVIEW_SLA_IMMEDIATEGRACE", grace.toString());
                long start = System.nanoTime();
                stack.startService("review", environment);
                stack.awaitHealthy("review", START_TIMEOUT);
                report("start", "healthy %.1f s after launch with %,d pending timers", seconds(start), timers);
                ReviewProbe review = new ReviewProbe(stack, settings);
                review.reportMemory("memory after start");

                // Reading from before the due moment: the arrival is when a consumer could act on the breach.
                try (TopicArrivals breaches = TopicArrivals.start(settings.kafkaBootstrapServers(), Topics.SLA_BREACHED,
                        true)) {
                    burst(kafka, review, breaches, burst, grace);
                    if (kill) {
                        new KillMidBurst(stack, kafka, json, review, breaches, environment).run(burst, grace);
                    }
                }
            } catch (Exception | Error failure) {
                FailedRunEvidence.keep(stack, line -> report("failed run", "%s", line));
                throw failure;
            }
        }
        report("machine", "%s", MachineSpeed.ofRun().describe());
    }

    private void burst(KafkaTestClient kafka, ReviewProbe review, TopicArrivals breaches, int burst, Duration grace)
            throws Exception {
        Instant acceptedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        Instant dueAt = acceptedAt.plus(grace);
        long sendStart = System.nanoTime();
        List<String> numbers = BurstEvents.submit(kafka, json, BURST_REGION, burst, acceptedAt);
        report("burst", "%,d submissions sent in %.1f s, all due at %s", burst, seconds(sendStart), dueAt);
        review.awaitOpened(BURST_REGION, burst, dueAt);

        if (!breaches.awaitAll(numbers, Duration.between(Instant.now(), dueAt.plus(ARRIVAL_TIMEOUT)))) {
            throw new IllegalStateException("Only " + breaches.arrivedCount(numbers) + " of " + numbers.size()
                    + " breaches arrived within " + ARRIVAL_TIMEOUT.toMinutes() + " minutes of their due moment");
        }
        List<Long> fired = new ArrayList<>();
        List<Long> stamped = new ArrayList<>();
        List<Long> arrived = new ArrayList<>();
        for (Arrival arrival : breaches.arrivals(numbers).values()) {
            SlaBreached breach = json.readValue(Objects.requireNonNull(arrival.value()), SlaBreached.class);
            fired.add(Duration.between(breach.dueAt(), breach.occurredAt()).toMillis());
            stamped.add(Duration.between(breach.dueAt(), arrival.timestamp()).toMillis());
            arrived.add(Duration.between(breach.dueAt(), arrival.arrivedAt()).toMillis());
        }
        report("fired", "%,d SlaBreached recorded (occurredAt - dueAt): %s", fired.size(),
                Percentiles.ofMillis(fired).summary());
        report("stamped", "%,d SlaBreached sent (record timestamp - dueAt): %s", stamped.size(),
                Percentiles.ofMillis(stamped).summary());
        report("on Kafka", "%,d SlaBreached at a consumer (arrival - dueAt): %s", arrived.size(),
                Percentiles.ofMillis(arrived).summary());
        report("duplicates", "%,d received more than once for the same application (at-least-once, allowed)",
                breaches.duplicates(numbers));
        review.reportTimerMetrics();
        review.reportMemory("memory after burst");
    }

    private static KafkaTestClient startInfrastructure(LocalStack stack, StackSettings settings) {
        stack.startMongo();
        stack.startKafka();
        // Review's metrics, which the benchmark reads, need a token of the stack's authorization server.
        stack.startAuth();
        stack.awaitHealthy(LocalStack.AUTH, Duration.ofMinutes(2));
        return new KafkaTestClient(settings.kafkaBootstrapServers());
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    static void report(String what, String format, Object... args) {
        System.out.printf("[timers] %-20s %s%n", what, format.formatted(args));
    }

    private static int option(String[] args, String name, int fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1].replace("_", ""));
            }
        }
        return fallback;
    }

}
