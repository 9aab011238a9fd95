package org.mtb.stack;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * A daemon thread that works on the local MongoDB's H2 store beside its command thread ({@link ChangeCommits},
 * {@link FileSyncs}): started by its factory once built, woken by {@link #wake}, and stopped by {@link #close} after
 * the work in progress.
 */
abstract class StoreThread implements AutoCloseable {

    private static final Duration STOP_WAIT = Duration.ofSeconds(30);

    private final Thread thread;
    private volatile boolean stopped;

    StoreThread(String name) {
        this.thread = Thread.ofPlatform().name(name).daemon().unstarted(this::work);
    }

    /** The thread's loop; it returns once {@link #stopped} is true, or when the store is closed under it. */
    abstract void work();

    final void startThread() {
        thread.start();
    }

    final boolean stopped() {
        return stopped;
    }

    /** Parks the calling thread (the store thread itself) for at most {@code timeout}, or until woken. */
    final void sleep(Duration timeout) {
        LockSupport.parkNanos(this, timeout.toNanos());
    }

    final void wake() {
        LockSupport.unpark(thread);
    }

    /** Stops the thread after the work in progress, if any. */
    @Override
    public void close() {
        stopped = true;
        wake();
        try {
            thread.join(STOP_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    final boolean running() {
        return thread.isAlive();
    }
}
