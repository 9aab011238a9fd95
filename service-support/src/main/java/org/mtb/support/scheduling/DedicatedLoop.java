package org.mtb.support.scheduling;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs one task over and over on a platform thread of its own, with a fixed delay between the end of a round and the
 * start of the next; started with the application context and stopped before its beans are destroyed.
 *
 * <p>Why not {@code @Scheduled}: with virtual threads enabled Spring runs every fixed-delay task of the application
 * on one scheduler thread, one after the other, so a task that waits (an outbox round while Kafka is down, an hourly
 * recount) holds up the others, among them the SLA timers, which must fire within a second. A task with its own loop
 * waits for nobody.
 */
public final class DedicatedLoop implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DedicatedLoop.class);

    private final String name;
    private final Duration initialDelay;
    private final Duration delay;
    private final BooleanSupplier round;
    private volatile @Nullable Thread thread;
    private CountDownLatch stopping = new CountDownLatch(1);
    private volatile boolean failing;

    /**
     * @param name the thread's name, as logs and thread dumps show it
     * @param round one round of the work; an exception is logged (once per spell of failures) and the loop goes on
     */
    public DedicatedLoop(String name, Duration initialDelay, Duration delay, Runnable round) {
        this(name, initialDelay, delay, () -> {
            round.run();
            return false;
        });
    }

    /**
     * @param round one round of the work, answering whether more is waiting: then the next round starts at once,
     *        without the delay (a backlog is worked off at full speed, an idle loop waits)
     */
    public DedicatedLoop(String name, Duration initialDelay, Duration delay, BooleanSupplier round) {
        this.name = name;
        this.initialDelay = initialDelay;
        this.delay = delay;
        this.round = round;
    }

    @Override
    public synchronized void start() {
        if (thread != null) {
            return;
        }
        CountDownLatch stop = new CountDownLatch(1);
        stopping = stop;
        thread = Thread.ofPlatform().name(name).daemon(true).start(() -> run(stop));
    }

    /** Lets the current round finish (waiting up to 10 s before interrupting it), then ends the loop. */
    @Override
    public void stop() {
        Thread running = signalStop();
        if (running != null) {
            await(running);
        }
    }

    /** Stops side by side with the other loops of the context: Spring waits for every callback of a phase. */
    @Override
    public void stop(Runnable callback) {
        Thread running = signalStop();
        if (running == null) {
            callback.run();
            return;
        }
        Thread.ofVirtual().name(name + "-stop").start(() -> {
            await(running);
            callback.run();
        });
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }

    private synchronized @Nullable Thread signalStop() {
        Thread running = thread;
        thread = null;
        stopping.countDown();
        return running;
    }

    private static void await(Thread running) {
        try {
            running.join(Duration.ofSeconds(10));
            if (running.isAlive()) {
                running.interrupt();
                running.join(Duration.ofSeconds(5));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run(CountDownLatch stop) {
        if (pause(stop, initialDelay)) {
            return;
        }
        boolean more = false;
        do {
            more = false;
            try {
                more = round.getAsBoolean();
                if (failing) {
                    log.info("{} runs normally again", name);
                    failing = false;
                }
            } catch (VirtualMachineError fatal) {
                log.error("{} stops: {}", name, fatal.toString());
                throw fatal;
            } catch (Throwable e) {
                // Anything else, an Error of a library included, must not end the loop without a word.
                if (!failing) {
                    log.warn("A round of {} failed; it goes on after {}", name, delay, e);
                    failing = true;
                }
            }
        } while (!pause(stop, more ? Duration.ZERO : delay));
    }

    /** Waits {@code duration} or until stopped; answers whether the loop is to stop. */
    private static boolean pause(CountDownLatch stop, Duration duration) {
        try {
            return stop.await(duration.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }
}
