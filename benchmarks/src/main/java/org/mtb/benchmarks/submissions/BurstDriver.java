package org.mtb.benchmarks.submissions;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A burst as fast as intake-service takes it: a fixed number of workers, each sending the next application as soon
 * as its last one is answered. An application without an answer, or with a 5xx, goes again with the same idempotency
 * key after a pause, as a channel retries, so that a burst through a restart of intake-service still ends with every
 * application accepted once.
 */
final class BurstDriver {

    private static final Duration RETRY_PAUSE = Duration.ofMillis(100);
    private static final Duration IDLE_PAUSE = Duration.ofMillis(10);
    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(10);

    /** Sends one application and says how it was answered ({@link IntakeClient#submit}). */
    @FunctionalInterface
    interface Submitter {
        Outcome submit(int index) throws InterruptedException;
    }

    private final Submitter client;
    private final Duration giveUpAfter;

    BurstDriver(Submitter client) {
        this(client, GIVE_UP_AFTER);
    }

    BurstDriver(Submitter client, Duration giveUpAfter) {
        this.client = client;
        this.giveUpAfter = giveUpAfter;
    }

    /** Applications {@code first} to {@code first + count - 1} into {@code result}; returns when each is settled. */
    void run(LoadResult result, int first, int count, int concurrency) throws InterruptedException {
        Work work = new Work(result, first, count, System.nanoTime() + giveUpAfter.toNanos());
        Thread.Builder workers = Thread.ofVirtual().name("burst-", 0);
        List<Thread> running = new ArrayList<>(concurrency);
        for (int w = 0; w < concurrency; w++) {
            running.add(workers.start(work::send));
        }
        for (Thread worker : running) {
            worker.join();
        }
        result.finish();
        if (work.settled.get() < count) {
            // Say what intake answered meanwhile: a burst that stalls must tell refusals, silence and a load's fault apart.
            Throwable workerFailure = work.workerFailure.get();
            throw new IllegalStateException("Only " + work.settled.get() + " of " + count
                    + " applications were answered within %.1f s; the last acceptance came %.1f s into the burst;"
                    .formatted(giveUpAfter.toMillis() / 1000.0, result.lastAcceptedSeconds())
                    + " answers other than an acceptance: " + result.errors()
                    + (workerFailure == null ? "" : "; a worker of the load ended on " + workerFailure),
                    workerFailure);
        }
    }

    /** The burst's shared state: the next new application, those to send again, and how many are settled. */
    private final class Work {

        private final LoadResult result;
        private final int first;
        private final int count;
        private final long deadlineNanos;
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicInteger settled = new AtomicInteger();
        private final Queue<Integer> again = new ConcurrentLinkedQueue<>();
        private final AtomicReference<Throwable> workerFailure = new AtomicReference<>();

        Work(LoadResult result, int first, int count, long deadlineNanos) {
            this.result = result;
            this.first = first;
            this.count = count;
            this.deadlineNanos = deadlineNanos;
        }

        /** Settled means accepted, or refused for good (a 4xx, which sending again would not change). */
        void send() {
            int i = -1;
            try {
                while (settled.get() < count && System.nanoTime() < deadlineNanos) {
                    Integer retry = again.poll();
                    i = retry != null ? retry : next.getAndIncrement();
                    if (i >= count) {
                        // Nothing new left; others' applications may still come back to be sent again.
                        Thread.sleep(IDLE_PAUSE);
                        continue;
                    }
                    Outcome outcome = client.submit(first + i);
                    result.add(outcome);
                    if (outcome.retryable()) {
                        again.add(i);
                        Thread.sleep(RETRY_PAUSE);
                    } else {
                        settled.incrementAndGet();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                // A fault of the load's own code: the application goes to another worker, and the run names it.
                workerFailure.compareAndSet(null, e);
                if (i >= 0 && i < count) {
                    again.add(i);
                }
            }
        }
    }
}
