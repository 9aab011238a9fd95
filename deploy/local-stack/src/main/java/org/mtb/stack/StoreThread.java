package org.mtb.stack;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;

/**
 * A daemon thread that works on the local MongoDB's H2 store beside its command thread ({@link ChangeCommits},
 * {@link FileSyncs}): started by its factory once built, it takes a {@link #step} after each pause or {@link #wake},
 * and stops when {@link #close}d (after the step in progress) or when the store is closed under it.
 */
abstract class StoreThread implements AutoCloseable {

    private static final Duration STOP_WAIT = Duration.ofSeconds(30);

    private final MVStore store;
    private final Duration pause;
    private final Thread thread;
    private volatile boolean stopped;

    StoreThread(String name, MVStore store, Duration pause) {
        this.store = store;
        this.pause = pause;
        this.thread = Thread.ofPlatform().name(name).daemon().unstarted(this::stepUntilStopped);
    }

    /** One round of the thread's work; an {@link MVStoreException} stops the thread. */
    abstract void step();

    final void startThread() {
        thread.start();
    }

    private void stepUntilStopped() {
        while (!stopped) {
            LockSupport.parkNanos(this, pause.toNanos());
            if (stopped || store.isClosed()) {
                return;
            }
            try {
                step();
            } catch (MVStoreException e) {
                // H2 closed the store on an error it cannot recover from, or closed it under this thread:
                // EmbeddedMongo reports such a store, and the server's next command fails with the error.
                return;
            }
        }
    }

    /** Ends the pause in progress, so that the next step comes now. */
    final void wake() {
        LockSupport.unpark(thread);
    }

    /** Stops the thread after the step in progress, if any. */
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
