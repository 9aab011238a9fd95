package org.mtb.benchmarks.submissions;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.mtb.benchmarks.load.Directories;
import org.mtb.benchmarks.load.FailedRunEvidence;
import org.mtb.benchmarks.load.MachineSpeed;
import org.mtb.benchmarks.load.PhaseProfiles;
import org.mtb.benchmarks.load.StackProcesses;
import org.mtb.benchmarks.load.TopicArrivals;
import org.mtb.contracts.Topics;
import org.mtb.stack.LocalStack;
import org.mtb.stack.StackSettings;
import tools.jackson.databind.json.JsonMapper;

/**
 * Measures how applications get in: the whole stack started from the built jars (MongoDB, Kafka and the four
 * services), applications sent to intake-service over HTTP, each followed to its {@code ApplicationSubmitted} by a
 * consumer that reads the topic all along. Before the phases, and outside them, each region's channel uploads the
 * materials its applications name ({@link BenchmarkMaterials}).
 * <ol type="a">
 *   <li>burst: {@code --burst} applications (10,000) as fast as intake takes them, {@code --concurrency} workers (32);
 *   <li>sustained: {@code --rate} a second (600) for {@code --seconds} (60), open loop, then the lag of review's and
 *       notification's consumer groups until it is back to 0;
 *   <li>latency: 300 a second for 30 s;
 *   <li>kill mid-burst: another burst, intake-service killed (SIGKILL) and restarted a third of the way in (skipped
 *       with {@code --no-kill});
 *   <li>the MongoDB commands each accepted application costs across all services, counted around phase b;
 *   <li>a bare {@code insertOne} loop into the same MongoDB server, 1 and 8 threads, for the database's own limit.
 * </ol>
 * Every phase fails the run (exit code 1) when an accepted application never reaches Kafka. Run from the repository
 * root with {@code ./mtb bench submissions [--burst N] [--concurrency N] [--rate N] [--seconds N] [--no-kill]
 * [--phases a,b,c,d,e,f]}.
 */
public final class SubmissionBenchmark {

    private static final Duration HEALTH_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration ACCEPTING_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration BASELINE_DURATION = Duration.ofSeconds(10);

    private final BenchmarkOptions options;
    private final JsonMapper json = JsonMapper.builder().build();

    private SubmissionBenchmark(BenchmarkOptions options) {
        this.options = options;
    }

    public static void main(String[] args) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        BenchmarkOptions options;
        try {
            options = BenchmarkOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.out.println(e.getMessage());
            System.exit(2);
            return;
        }
        try {
            new SubmissionBenchmark(options).run();
        } catch (Exception e) {
            System.out.println("[submissions] FAILED: " + e.getMessage());
            e.printStackTrace(System.out);
            System.exit(1);
        }
    }

    private void run() throws Exception {
        Path repo = Path.of("").toAbsolutePath();
        Path data = repo.resolve("benchmarks/target/submission-benchmark");
        Directories.deleteRecursively(data);
        // The services' JVM options as ./mtb up takes them (MTB_JVM_OPTS, MTB_INTAKE_JVM_OPTS and its likes), to
        // compare flags (C1 only or not, say); ports and data of the benchmark's own.
        StackSettings settings = StackSettings.fromEnvironment(repo).withFreePorts().withDataDir(data);
        report("options", "%s; service JVM options %s%s", options, settings.jvmOptions(),
                StackSettings.SERVICES.stream().filter(s -> !settings.jvmOptions(s).equals(settings.jvmOptions()))
                        .map(s -> "; " + s + " " + settings.jvmOptions(s)).collect(Collectors.joining()));
        report("options", "benchmark JVM %s (MTB_BENCH_JVM_OPTS)",
                java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
        report("machine", "%s", MachineSpeed.ofRun().describe());
        try (LocalStack stack = new LocalStack(settings)) {
            try {
                measure(stack, settings);
            } catch (Exception | Error failure) {
                FailedRunEvidence.keep(stack, line -> report("failed run", "%s", line));
                throw failure;
            }
        }
        report("machine", "%s", MachineSpeed.ofRun().describe());
    }

    /** Starts the stack, then the phases chosen, each reporting as it ends. */
    private void measure(LocalStack stack, StackSettings settings) throws Exception {
        long launch = System.nanoTime();
        stack.startAll();
        stack.awaitAllHealthy(HEALTH_TIMEOUT);
        report("start", "all healthy %.1f s after launch", seconds(launch));
        ChannelCredentials channels = new ChannelCredentials(settings);
        PreparedMaterials materials = new BenchmarkMaterials(settings, channels, json).prepare(ACCEPTING_TIMEOUT);
        IntakeClient client = new IntakeClient(settings.servicePort("intake"), json,
                "benchmark-" + UUID.randomUUID().toString().substring(0, 8), channels, materials);
        awaitAccepting(client);
        report("start", "intake accepting applications %.1f s after launch", seconds(launch));
        reportMemory(stack, "memory after start");

        SubmissionPhases.CommandCost commands = SubmissionPhases.CommandCost.UNKNOWN;
        try (TopicArrivals submitted = TopicArrivals.start(settings.kafkaBootstrapServers(),
                Topics.APPLICATION_SUBMITTED, false);
                ConsumerLag lag = new ConsumerLag(settings.kafkaBootstrapServers())) {
            // Application 0 was the probe; every phase sends applications of its own.
            SubmissionPhases phases = new SubmissionPhases(client, submitted, lag,
                    new MongoCommands(settings), stack, 1, settings.dataDir().resolve("answers"));
            phases.warmUp(options.warmUpPlan(), 16);
            if (options.runs("a")) {
                recorded(stack, "a", () -> {
                    phases.burst(options.burst(), options.concurrency());
                    return null;
                });
            }
            if (options.runs("b")) {
                commands = recorded(stack, "b",
                        () -> phases.sustained(options.rate(), options.seconds(), options.runs("e")));
            } else if (options.runs("e")) {
                report("mongo commands", "skipped: they are counted around phase b, which is not chosen");
            }
            if (options.runs("c")) {
                recorded(stack, "c", () -> {
                    phases.latency();
                    return null;
                });
            }
            if (options.runs("d")) {
                // Phase d restarts intake, whose fresh JVM holds less than the one that took (a) to (c): the stack's
                // memory is read before it too, so that the larger of the two is seen.
                reportMemory(stack, "memory before kill");
                new KillIntakeMidBurst(stack, client, phases)
                        .run(phases.take(options.burst()), options.burst(), options.concurrency());
            }
        }
        reportMemory(stack, "memory after load");
        if (options.runs("f")) {
            baseline(settings, commands);
        }
    }

    /**
     * Runs a load phase; when {@code --profile} names it, with every part of the stack recorded by JFR meanwhile
     * ({@link PhaseProfiles}), and says where the recordings are.
     */
    private <T> T recorded(LocalStack stack, String phase, Callable<T> load) throws Exception {
        if (!options.profiles(phase)) {
            return load.call();
        }
        Path directory = stack.settings().dataDir().resolve("profiles");
        PhaseProfiles profiles = PhaseProfiles.start(stack, phase, directory);
        try {
            return load.call();
        } finally {
            profiles.close();
            report("profile", "(%s) JFR of %s in %s, one file a part (%s-<part>.jfr; jfr view hot-methods <file>); "
                    + "the recording cost the phase CPU", phase, String.join(", ", profiles.files().keySet()),
                    directory, phase);
            profiles.failures().forEach(failure -> report("profile", "(%s) not recorded: %s", phase, failure));
        }
    }

    /**
     * Intake takes applications once catalog-service's catalogs reached it over Kafka, some time after health (the
     * uploads of {@link BenchmarkMaterials} waited for them already).
     */
    private static void awaitAccepting(IntakeClient client) throws InterruptedException {
        long deadline = System.nanoTime() + ACCEPTING_TIMEOUT.toNanos();
        Outcome outcome = client.submit(0);
        while (!outcome.accepted()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("intake-service did not accept an application within "
                        + ACCEPTING_TIMEOUT.toMinutes() + " minutes; last answer: " + outcome.errorKind());
            }
            Thread.sleep(500);
            outcome = client.submit(0);
        }
    }

    private void baseline(StackSettings settings, SubmissionPhases.CommandCost commands) throws InterruptedException {
        MongoBaseline baseline = new MongoBaseline(settings.mongoUri("intake"), json);
        double one = baseline.insertsPerSecond(1, BASELINE_DURATION);
        report("mongo baseline", "bare insertOne of ~1 KB documents, 1 thread: %,.0f/s", one);
        double eight = baseline.insertsPerSecond(8, BASELINE_DURATION);
        report("mongo baseline", "bare insertOne of ~1 KB documents, 8 threads: %,.0f/s", eight);
        if (commands.perApplication() > 0) {
            // A command carries a poll's or a group's documents: the database's limit shows in its CPU (phase b).
            report("mongo baseline", "the platform sent %,.0f commands/s in phase b at %.2f per application, each"
                    + " carrying a poll's or a group's documents; the server's share of the cores is under \"CPU\""
                    + " in phase b", commands.perSecond(), commands.perApplication());
        }
    }

    private static void reportMemory(LocalStack stack, String label) {
        StackProcesses.memory(stack).forEach(line -> report(label, "%s", line));
    }

    static void report(String what, String format, Object... args) {
        System.out.printf("[submissions] %-20s %s%n", what, format.formatted(args));
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

}
