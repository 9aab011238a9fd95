package org.mtb.benchmarks.timers;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
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
 *       second, and measures how late each {@code SlaBreached} was sent: p50, p99, max.
 * </ol>
 * Run from the repository root with {@code ./mtb bench timers [--cases N] [--burst N] [--grace-seconds N]}.
 */
public final class TimerBenchmark {

    static final String BURST_REGION = "990001";

    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        int cases = option(args, "--cases", 500_000);
        int burst = option(args, "--burst", 10_000);
        int graceSeconds = option(args, "--grace-seconds", 90);
        Map<String, String> environment = new java.util.HashMap<>();
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals("--service-env")) {
                String[] pair = args[i + 1].split("=", 2);
                environment.put(pair[0], pair[1]);
            }
        }
        new TimerBenchmark().run(cases, burst, Duration.ofSeconds(graceSeconds), environment);
    }

    private void run(int cases, int burst, Duration grace, Map<String, String> serviceEnvironment) throws Exception {
        Path repo = Path.of("").toAbsolutePath();
        Path data = repo.resolve("benchmarks/target/timer-benchmark");
        deleteRecursively(data);
        StackSettings settings = StackSettings.defaults(repo).withFreePorts().withDataDir(data);
        try (LocalStack stack = new LocalStack(settings);
                KafkaTestClient kafka = startInfrastructure(stack, settings)) {
            long seedStart = System.nanoTime();
            long timers = new PendingCaseSeeder(settings.mongoUri("review"), settings.mongoDatabase("review"))
                    .seed(cases, Instant.now());
            report("seeded", "%,d cases, %,d pending timers in %.1f s", cases, timers, seconds(seedStart));

            BurstEvents.publishPolicyAndCalendar(kafka, json, BURST_REGION);
            long start = System.nanoTime();
            Map<String, String> environment = new java.util.HashMap<>(serviceEnvironment);
            environment.put("REVIEW_SLA_IMMEDIATEGRACE", grace.toString());
            stack.startService("review", environment);
            stack.awaitHealthy("review", Duration.ofMinutes(10));
            report("start", "healthy %.1f s after launch with %,d pending timers", seconds(start), timers);
            reportMemory(stack, settings, "memory after start");

            Instant acceptedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
            Instant dueAt = acceptedAt.plus(grace);
            long sendStart = System.nanoTime();
            List<String> numbers = BurstEvents.submit(kafka, json, BURST_REGION, burst, acceptedAt);
            report("burst", "%,d submissions sent in %.1f s, all due at %s", burst, seconds(sendStart), dueAt);
            awaitOpened(settings, burst, dueAt);

            Map<String, Duration[]> lateness = awaitBreaches(kafka, numbers, dueAt.plus(Duration.ofMinutes(5)));
            reportLateness("fired", lateness.values().stream().map(l -> l[0]).toList(),
                    "SlaBreached recorded (occurredAt - dueAt)");
            reportLateness("on Kafka", lateness.values().stream().map(l -> l[1]).toList(),
                    "SlaBreached on the topic (record timestamp - dueAt)");
            String metrics = get(settings.serviceUrl("review") + "/actuator/prometheus");
            metrics.lines().filter(l -> l.startsWith("review_timers_lateness_seconds")
                    && (l.contains("quantile=\"0.99\"") || l.startsWith("review_timers_lateness_seconds_max")))
                    .forEach(l -> report("service metric", "%s", l));
            reportMemory(stack, settings, "memory after burst");
        }
    }

    private static KafkaTestClient startInfrastructure(LocalStack stack, StackSettings settings) {
        stack.startMongo();
        stack.startKafka();
        return new KafkaTestClient(settings.kafkaBootstrapServers());
    }

    private void awaitOpened(StackSettings settings, int burst, Instant dueAt) throws Exception {
        String uri = settings.serviceUrl("review") + "/actuator/prometheus";
        while (Instant.now().isBefore(dueAt)) {
            String metrics = get(uri);
            double opened = metrics.lines().filter(l -> l.startsWith("review_cases_opened_total")
                    && l.contains("region=\"" + BURST_REGION + "\"")).mapToDouble(TimerBenchmark::value).sum();
            if (opened >= burst) {
                report("burst", "all %,d cases open %.1f s before they fall due", burst,
                        Duration.between(Instant.now(), dueAt).toMillis() / 1000.0);
                return;
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("The burst's cases were not all open when they fell due: raise --grace-seconds");
    }

    /** Per application: how late its breach was recorded, and how late it reached Kafka. */
    private Map<String, Duration[]> awaitBreaches(KafkaTestClient kafka, List<String> numbers, Instant deadline)
            throws InterruptedException {
        var wanted = new java.util.HashSet<>(numbers);
        Map<String, Duration[]> lateness = new java.util.HashMap<>();
        while (lateness.size() < numbers.size() && Instant.now().isBefore(deadline)) {
            for (var record : kafka.readAll(Topics.SLA_BREACHED, Duration.ofSeconds(2))) {
                if (wanted.contains(record.key())) {
                    SlaBreached breach = json.readValue(record.value(), SlaBreached.class);
                    lateness.putIfAbsent(breach.applicationNumber(), new Duration[] {
                            Duration.between(breach.dueAt(), breach.occurredAt()),
                            Duration.between(breach.dueAt(), Instant.ofEpochMilli(record.timestamp()))});
                }
            }
            Thread.sleep(1000);
        }
        if (lateness.size() < numbers.size()) {
            throw new IllegalStateException("Only " + lateness.size() + " of " + numbers.size() + " breaches arrived");
        }
        return lateness;
    }

    private static void reportLateness(String label, List<Duration> measured, String what) {
        List<Duration> lateness = new ArrayList<>(measured);
        lateness.sort(Comparator.naturalOrder());
        report(label, "%,d %s: p50 %d ms, p99 %d ms, max %d ms", lateness.size(), what,
                percentile(lateness, 0.50), percentile(lateness, 0.99), lateness.getLast().toMillis());
    }

    private void reportMemory(LocalStack stack, StackSettings settings, String label) throws Exception {
        long pid = stack.pid("review-service");
        String rss = Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                .filter(l -> l.startsWith("VmRSS")).findFirst().orElse("VmRSS: unknown").replaceAll("\\s+", " ");
        String metrics = get(settings.serviceUrl("review") + "/actuator/prometheus");
        double heap = metrics.lines().filter(l -> l.startsWith("jvm_memory_used_bytes") && l.contains("area=\"heap\""))
                .mapToDouble(TimerBenchmark::value).sum();
        report(label, "heap used %.0f MB, process %s", heap / 1024 / 1024, rss);
    }

    private String get(String uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static long percentile(List<Duration> sorted, double share) {
        int index = (int) Math.ceil(share * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)).toMillis();
    }

    private static double value(String line) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void report(String what, String format, Object... args) {
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

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
