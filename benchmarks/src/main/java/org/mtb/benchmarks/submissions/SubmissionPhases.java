package org.mtb.benchmarks.submissions;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.mtb.benchmarks.load.Arrival;
import org.mtb.benchmarks.load.MachineSeconds;
import org.mtb.benchmarks.load.Percentiles;
import org.mtb.benchmarks.load.StackProcesses;
import org.mtb.benchmarks.load.TopicArrivals;
import org.mtb.stack.LocalStack;

/** Phases a to c, e (around b), and the check every phase ends with: each accepted application on Kafka. */
final class SubmissionPhases {

    static final int LATENCY_RATE = 300;
    static final Duration LATENCY_DURATION = Duration.ofSeconds(30);
    private static final Duration ARRIVAL_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration LAG_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration IDLE_WINDOW = Duration.ofSeconds(10);
    private static final Duration RATE_WINDOW = Duration.ofSeconds(10);
    /**
     * Requests intake must refuse, sent after each round of the warm-up ({@link IntakeClient#sendRefused}): 10 in 2,000
     * applications. With none, intake's compilers left out the paths of an answer other than 201, and the first 503 of
     * phase (b) sent Tomcat's request loop back to the interpreter in the middle of the episode that caused it
     * (benchmarks/README.md, "Intake's compilations in an episode").
     */
    static final int REFUSED_A_ROUND = 10;

    /** What the MongoDB commands of phase b came to: per second over its window, and per accepted application. */
    record CommandCost(double perSecond, double perApplication) {

        static final CommandCost UNKNOWN = new CommandCost(0, 0);
    }

    private final IntakeClient client;
    private final TopicArrivals submitted;
    private final ConsumerLag lag;
    private final MongoCommands mongo;
    private final LocalStack stack;
    private final Path answers;
    private int nextApplication;

    SubmissionPhases(IntakeClient client, TopicArrivals submitted, ConsumerLag lag, MongoCommands mongo,
            LocalStack stack, int firstApplication, Path answers) {
        this.client = client;
        this.stack = stack;
        this.submitted = submitted;
        this.lag = lag;
        this.mongo = mongo;
        this.nextApplication = firstApplication;
        this.answers = answers;
    }

    /**
     * The first of {@code count} applications no phase has sent yet; each phase takes them with a fresh token, and
     * with their requests made and signed before it starts.
     */
    int take(int count) {
        client.renewToken();
        int first = nextApplication;
        nextApplication += count;
        long start = System.nanoTime();
        client.prepare(first, count);
        SubmissionBenchmark.report("requests", "%,d made and signed in %.1f s, before the phase", count,
                (System.nanoTime() - start) / 1e9);
        return first;
    }

    /**
     * Before any phase: the warm-up ({@link WarmUp}: on while the services' JIT compilers are at work, up to its
     * cap), saying what the compilers took over its last round, then the consumers' catch-up.
     */
    void warmUp(WarmUp plan, int concurrency) throws Exception {
        LoadResult result = new LoadResult();
        Map<Integer, Integer> refused = new TreeMap<>();
        int refusedSent = 0;
        int sent = 0;
        int lastRound = 0;
        double compilerCores = Double.NaN;
        for (int next = plan.next(0, compilerCores); next > 0; next = plan.next(sent, compilerCores)) {
            int first = take(next);
            Map<String, Double> compilersBefore = StackProcesses.compilerSeconds(stack);
            long roundStart = System.nanoTime();
            new BurstDriver(client::submit).run(result, first, next, concurrency);
            for (int i = 0; i < REFUSED_A_ROUND; i++) {
                refused.merge(client.sendRefused(refusedSent++), 1, Integer::sum);
            }
            compilerCores = StackProcesses.stackCompilerCores(compilersBefore, StackProcesses.compilerSeconds(stack),
                    (System.nanoTime() - roundStart) / 1e9);
            sent += next;
            lastRound = next;
        }
        SubmissionBenchmark.report("warm-up", "%,d workers: %s; the stack's JIT compilers %s over the last %,d: %s",
                concurrency, result.summary(), Double.isNaN(compilerCores) ? "unknown"
                        : "%.2f cores".formatted(compilerCores), lastRound, plan.warm(compilerCores) ? "quiet"
                        : "at work as the phases begin (the cap of %,d reached)".formatted(plan.atMost()));
        SubmissionBenchmark.report("warm-up", "%,d requests intake must refuse, %d after each round (a token it cannot"
                + " read, a body that is not JSON), answered: %s", refusedSent, REFUSED_A_ROUND, refused.entrySet()
                .stream().map(e -> (e.getKey() == 0 ? "no answer" : "HTTP " + e.getKey()) + " " + e.getValue())
                .collect(Collectors.joining(", ")));
        if (refused.keySet().stream().anyMatch(status -> status >= 200 && status < 300)) {
            throw new IllegalStateException("intake-service accepted a request with a token it cannot read or a body"
                    + " that is not JSON: " + refused);
        }
        lag.reportCatchUp("warm-up", result.finishedAtMillis(), LAG_TIMEOUT);
    }

    /** a: as fast as intake takes them. */
    void burst(int count, int concurrency) throws Exception {
        int first = take(count);
        LoadResult result = new LoadResult();
        new BurstDriver(client::submit).run(result, first, count, concurrency);
        SubmissionBenchmark.report("burst", "%,d workers: %s", concurrency, result.summary());
        result.writeAnswers(answers.resolve("burst.csv"));
        reportArrivals("burst", result);
        lag.reportCatchUp("burst", result.finishedAtMillis(), LAG_TIMEOUT);
    }

    /**
     * b: a fixed rate for a while, then the consumers' catch-up; with e, the MongoDB commands counted from before the
     * load until the consumers caught up, against the rate the services' polling sends while idle.
     */
    CommandCost sustained(int rate, int seconds, boolean countCommands) throws Exception {
        int first = take(RateDriver.count(rate, Duration.ofSeconds(seconds)));
        Map<MongoCommands.Key, Double> idlePerSecond = Map.of();
        if (countCommands) {
            Map<MongoCommands.Key, Double> idleStart = mongo.scrape();
            Thread.sleep(IDLE_WINDOW);
            idlePerSecond = MongoCommands.rate(idleStart, mongo.scrape(), IDLE_WINDOW.toMillis() / 1000.0);
        }
        Map<MongoCommands.Key, Double> before = countCommands ? mongo.scrape() : Map.of();
        Map<String, Double> cpuBefore = StackProcesses.cpuSeconds(stack);
        Map<String, Double> compilersBefore = StackProcesses.compilerSeconds(stack);
        long windowStart = System.nanoTime();
        LoadResult result;
        try (MachineSeconds machine = MachineSeconds.start()) {
            OpenLoop.Run run = new RateDriver(client).run(first, rate, Duration.ofSeconds(seconds));
            result = run.result();
            double scheduled = result.lowestScheduledRate(first, rate, Duration.ofSeconds(seconds), RATE_WINDOW);
            SubmissionBenchmark.report("sustained", "%,d/s offered for %d s: %s", rate, seconds, result.summary());
            result.writeAnswers(answers.resolve("sustained.csv"));
            SubmissionBenchmark.report("sustained", "lowest %d-s window of the schedule %,.0f accepted/s of %,d/s"
                    + " offered (target >= 600/s: %s); of the answers' time %,.0f/s; sending fell %s behind its"
                    + " schedule at worst",
                    RATE_WINDOW.toSeconds(), scheduled, rate, scheduled >= 600 ? "met" : "missed",
                    result.lowestRate(RATE_WINDOW), Percentiles.millis(run.maxBehindMillis()));
            reportArrivals("sustained", result);
            lag.reportCatchUp("sustained", result.finishedAtMillis(), LAG_TIMEOUT);
            reportCpu("sustained", cpuBefore, compilersBefore, machine, windowStart, result.acceptedCount());
        }
        if (!countCommands) {
            return CommandCost.UNKNOWN;
        }
        double windowSeconds = (System.nanoTime() - windowStart) / 1e9;
        int accepted = result.acceptedByNumber().size();
        double perSecond = MongoCommands.report("mongo commands", before, mongo.scrape(), accepted, idlePerSecond,
                windowSeconds);
        return perSecond == 0 ? CommandCost.UNKNOWN
                : new CommandCost(perSecond, perSecond * windowSeconds / accepted);
    }

    /** c: the answer times at a rate well below the limit. */
    void latency() throws Exception {
        int first = take(RateDriver.count(LATENCY_RATE, LATENCY_DURATION));
        Map<String, Double> cpuBefore = StackProcesses.cpuSeconds(stack);
        Map<String, Double> compilersBefore = StackProcesses.compilerSeconds(stack);
        long start = System.nanoTime();
        try (MachineSeconds machine = MachineSeconds.start()) {
            OpenLoop.Run run = new RateDriver(client).run(first, LATENCY_RATE, LATENCY_DURATION);
            LoadResult result = run.result();
            SubmissionBenchmark.report("latency", "%,d/s for %d s: %s", LATENCY_RATE, LATENCY_DURATION.toSeconds(),
                    result.summary());
            result.writeAnswers(answers.resolve("latency.csv"));
            SubmissionBenchmark.report("latency", "HTTP p99 %s (target <= 100 ms: %s)",
                    Percentiles.millis(result.latency().at(0.99)), result.latency().at(0.99) <= 100 ? "met" : "missed");
            SubmissionBenchmark.report("latency", "slow answers: %s (UTC)", result.slowAnswers(100));
            reportArrivals("latency", result);
            reportCpu("latency", cpuBefore, compilersBefore, machine, start, result.acceptedCount());
        }
    }

    /**
     * Where the machine's cores went from {@code start} until now (the load and the consumers' work on it), this
     * benchmark's own sending and receiving included, and the CPU time each part spent per accepted application;
     * then how much of it the parts' JIT compilers took, which says whether the phase measured warm services; and what
     * the whole machine's cores did meanwhile ({@link MachineSeconds}), which says whether the stack had them.
     */
    private void reportCpu(String phase, Map<String, Double> before, Map<String, Double> compilersBefore,
            MachineSeconds machine, long start, int accepted) {
        double seconds = (System.nanoTime() - start) / 1e9;
        StackProcesses.cpuLines(before, StackProcesses.cpuSeconds(stack), seconds, accepted)
                .forEach(line -> SubmissionBenchmark.report(phase, "CPU %s", line));
        SubmissionBenchmark.report(phase, "CPU of which JIT compilers: %s",
                StackProcesses.compilerLine(compilersBefore, StackProcesses.compilerSeconds(stack), seconds));
        SubmissionBenchmark.report(phase, "machine's cores %s", machine.summary());
    }

    /**
     * Waits for every accepted application's {@code ApplicationSubmitted}, prints how long after its acceptance each
     * reached a consumer, and fails when one never arrives.
     */
    void reportArrivals(String phase, LoadResult result) throws InterruptedException {
        Map<String, Outcome> accepted = result.acceptedByNumber();
        submitted.awaitAll(accepted.keySet(), ARRIVAL_TIMEOUT);
        Map<String, Arrival> arrived = submitted.arrivals(accepted.keySet());
        List<Long> sinceAcceptance = new ArrayList<>();
        List<Long> sinceAnswer = new ArrayList<>();
        arrived.forEach((number, arrival) -> {
            Outcome outcome = accepted.get(number);
            sinceAcceptance.add(arrival.arrivedAtMillis() - outcome.acceptedAtMillis());
            sinceAnswer.add(arrival.arrivedAtMillis() - outcome.answeredAtMillis());
        });
        Percentiles fromAcceptance = Percentiles.ofMillis(sinceAcceptance);
        SubmissionBenchmark.report(phase, "ApplicationSubmitted at a consumer after acceptance (submittedAt): %s"
                + " (target p99 <= 1 s: %s); after the 201: %s", fromAcceptance.summary(),
                fromAcceptance.at(0.99) <= 1000 ? "met" : "missed", Percentiles.ofMillis(sinceAnswer).summary());
        int lost = accepted.size() - arrived.size();
        SubmissionBenchmark.report(phase, "%,d accepted, %,d on Kafka, %,d lost, %,d duplicates", accepted.size(),
                arrived.size(), lost, submitted.duplicates(accepted.keySet()));
        if (lost > 0) {
            throw new IllegalStateException(phase + ": " + lost + " of " + accepted.size() + " accepted applications"
                    + " have no ApplicationSubmitted on Kafka " + ARRIVAL_TIMEOUT.toMinutes() + " minutes later");
        }
    }
}
