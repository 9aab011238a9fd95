package org.mtb.benchmarks.submissions;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.mtb.benchmarks.load.StackProcesses;
import org.mtb.stack.LocalStack;

/**
 * Phase d: a burst during which intake-service, which relays its own outbox to Kafka, is killed (SIGKILL) once a
 * third of the burst is accepted, and started again. Requests meanwhile refused or cut off were never accepted, so
 * they cannot be lost; they are sent again with their idempotency key until accepted, as a channel would. What must
 * hold: every application answered 201 has its {@code ApplicationSubmitted} on Kafka.
 */
final class KillIntakeMidBurst {

    private static final String PHASE = "kill mid-burst";
    private static final Duration RESTART_TIMEOUT = Duration.ofMinutes(3);

    private final LocalStack stack;
    private final IntakeClient client;
    private final SubmissionPhases phases;

    KillIntakeMidBurst(LocalStack stack, IntakeClient client, SubmissionPhases phases) {
        this.stack = stack;
        this.client = client;
        this.phases = phases;
    }

    void run(int first, int burst, int concurrency) throws Exception {
        LoadResult result = new LoadResult();
        try (ExecutorService driving = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?> sending = driving.submit(() -> {
                new BurstDriver(client::submit).run(result, first, burst, concurrency);
                return null;
            });
            while (result.acceptedCount() < burst / 3 && !sending.isDone()) {
                Thread.sleep(5);
            }
            int acceptedBefore = result.acceptedCount();
            long pid = StackProcesses.killHard(stack, "intake");
            SubmissionBenchmark.report(PHASE, "SIGKILL intake-service (pid %d) after %,d of %,d accepted", pid,
                    acceptedBefore, burst);
            Duration restart = StackProcesses.restart(stack, "intake", Map.of(), RESTART_TIMEOUT);
            SubmissionBenchmark.report(PHASE, "intake-service healthy again %.1f s after its restart",
                    restart.toMillis() / 1000.0);
            sending.get();
        }
        SubmissionBenchmark.report(PHASE, "%s", result.summary());
        SubmissionBenchmark.report(PHASE, "requests without an answer or with a 5xx were sent again with their"
                + " idempotency key; %,d answers were replays of an application the killed intake had stored",
                result.replays());
        phases.reportArrivals(PHASE, result);
    }
}
