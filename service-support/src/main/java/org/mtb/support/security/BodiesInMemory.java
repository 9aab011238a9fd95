package org.mtb.support.security;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The bytes of signed bodies a service holds in memory at once ({@code mtb.security.signed-bodies-in-memory}). A
 * signed body is read whole before its signature is checked; a channel that forwards a batch of scans at once would
 * otherwise hold them all, and 32 uploads of 5 MB filled intake's heap and stopped it. A request reserves what it may
 * hold before it reads, waits up to {@code mtb.security.signed-body-wait} for room, and otherwise is answered 503
 * {@code SERVICE_BUSY} with {@code Retry-After}, its body unread.
 */
final class BodiesInMemory {

    private final int budget;
    private final Semaphore room;
    private final Duration wait;

    BodiesInMemory(int budget, Duration wait, int largestBody) {
        if (budget < largestBody) {
            throw new IllegalArgumentException("mtb.security.signed-bodies-in-memory (" + budget + " bytes) must "
                    + "hold at least the largest signed body, " + largestBody + " bytes");
        }
        this.budget = budget;
        this.room = new Semaphore(budget, true);
        this.wait = wait;
    }

    /** Reserves room for a body of at most {@code bytes}; false when none came free in time. */
    boolean reserve(int bytes) {
        try {
            return room.tryAcquire(Math.min(bytes, budget), wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    void release(int bytes) {
        room.release(Math.min(bytes, budget));
    }

    int free() {
        return room.availablePermits();
    }
}
