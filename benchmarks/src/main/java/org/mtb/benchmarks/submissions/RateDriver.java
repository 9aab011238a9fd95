package org.mtb.benchmarks.submissions;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.LockSupport;

/**
 * An open loop: applications at a fixed rate, each sent by a thread of its own (reused when free), whatever
 * intake-service's answer times, as many independent channels would send them. No application is sent again; an error
 * is counted. The threads are platform threads: a blocking read on one waits in the kernel, where a virtual thread's
 * read parks, and a poller thread and then a carrier thread must wake to resume it; at 300/s the load's JVM took 0.43
 * ms of CPU an application so, against 0.51-0.52 ms with a virtual thread each (benchmarks/README.md), on the cores
 * the stack it measures needs.
 */
final class RateDriver {

    /** Beyond this many unanswered requests the sending waits, and falls behind its schedule, which is reported. */
    private static final int MAX_IN_FLIGHT = 2_000;

    private final IntakeClient client;

    RateDriver(IntakeClient client) {
        this.client = client;
    }

    /** A finished run and how far, at worst, the sending fell behind its schedule. */
    record Run(LoadResult result, int sent, double maxBehindMillis) {
    }

    /** {@code rate} applications a second for {@code duration}, from application {@code first} on. */
    Run run(int first, int rate, Duration duration) throws InterruptedException {
        int total = count(rate, duration);
        double intervalNanos = 1e9 / rate;
        Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
        LoadResult result = new LoadResult();
        long start = System.nanoTime();
        long maxBehind = 0;
        try (ExecutorService senders = Executors.newCachedThreadPool(
                Thread.ofPlatform().daemon().stackSize(256 * 1024).name("sender-", 0).factory())) {
            for (int i = 0; i < total; i++) {
                long due = start + (long) (i * intervalNanos);
                for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                }
                inFlight.acquire();
                maxBehind = Math.max(maxBehind, System.nanoTime() - due);
                int index = first + i;
                senders.execute(() -> {
                    try {
                        result.add(client.submit(index));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        inFlight.release();
                    }
                });
            }
        }
        result.finish();
        return new Run(result, total, maxBehind / 1e6);
    }

    static int count(int rate, Duration duration) {
        return (int) (rate * duration.toMillis() / 1000);
    }
}
