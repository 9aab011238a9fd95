package org.mtb.support.crypto;

import java.security.GeneralSecurityException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Idle {@link javax.crypto.Cipher} or {@link javax.crypto.Mac} objects kept for the next caller. Looking one up by
 * name ({@code Cipher.getInstance}) walks the security providers and parses the transformation each time: in a profile
 * of intake taking applications it was two thirds of sealing a value, more than the encryption. An object serves one
 * caller at a time (they are not thread-safe) and is set up anew by its user (key, nonce) on every use; one whose use
 * failed is not returned. At most {@code capacity} wait idle; with virtual threads, a thread-local one would be made
 * again for every request.
 */
final class Instances<T> {

    /** Makes a new object, e.g. {@code Cipher.getInstance(...)}. */
    @FunctionalInterface
    interface Maker<T> {
        T make() throws GeneralSecurityException;
    }

    private final ConcurrentLinkedQueue<T> idle = new ConcurrentLinkedQueue<>();
    private final AtomicInteger idleCount = new AtomicInteger();
    private final Maker<T> maker;
    private final int capacity;

    Instances(Maker<T> maker, int capacity) {
        this.maker = maker;
        this.capacity = capacity;
    }

    /** An object for the caller alone until it gives it {@link #back}. */
    T take() throws GeneralSecurityException {
        T instance = idle.poll();
        if (instance == null) {
            return maker.make();
        }
        idleCount.decrementAndGet();
        return instance;
    }

    /** Returns an object whose use went well; past the capacity it is left to the collector. */
    void back(T instance) {
        if (idleCount.incrementAndGet() <= capacity) {
            idle.offer(instance);
        } else {
            idleCount.decrementAndGet();
        }
    }
}
