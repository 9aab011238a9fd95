package org.mtb.support.cache;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Copies of records that every request or event needs and that seldom change, such as a region's catalog, policy or
 * working-day calendar: each is read once, held, and read again once it is older than {@code freshFor}. So a copy
 * another instance of the service wrote is in force here within that time, and one this instance applied at once
 * ({@link #put}, {@link #forget}).
 *
 * <ul>
 *   <li>While one caller reads an old copy again, every other caller goes on with the copy held, instead of all of
 *       them reading and mapping the same record at the moment it turned old (with a hundred submissions under way,
 *       intake once spent 2.5 % of their time so).</li>
 *   <li>A read that fails leaves the copy held, old, and the next caller reads again.</li>
 *   <li>What a read finds is not held if a copy was put or forgotten while it read: the read may have found the
 *       record as it was before that change.</li>
 *   <li>A record read as {@code null} is not held, so that keys named by requests (a made-up region) cannot fill the
 *       memory; a caller that should hold its absence reads an {@link java.util.Optional} instead.</li>
 * </ul>
 *
 * @param <K> the record's key, e.g. a region code
 * @param <V> the copy held
 */
public final class HeldCopies<K, V> {

    /** Reads a record; {@code held} is the old copy being replaced, if any, for a reader that can reuse it. */
    @FunctionalInterface
    public interface Reader<K, V> {
        @Nullable V read(K key, @Nullable V held);
    }

    private final long freshForNanos;
    private final Reader<K, V> reader;
    private final LongSupplier nanoTime;
    private final Map<K, Held<V>> held = new ConcurrentHashMap<>();
    /** Counts {@link #put} and {@link #forget}, so that a read knows whether a copy changed while it read. */
    private final AtomicLong changes = new AtomicLong();

    public HeldCopies(Duration freshFor, Reader<K, V> reader) {
        this(freshFor, reader, System::nanoTime);
    }

    /** Copies timed by {@code clock}, a service's own, which its tests set (to the millisecond). */
    public HeldCopies(Duration freshFor, Reader<K, V> reader, Clock clock) {
        this(freshFor, reader, () -> TimeUnit.MILLISECONDS.toNanos(clock.millis()));
    }

    /** @param nanoTime the time in nanoseconds, from any origin: only differences count */
    public HeldCopies(Duration freshFor, Reader<K, V> reader, LongSupplier nanoTime) {
        this.freshForNanos = freshFor.toNanos();
        this.reader = reader;
        this.nanoTime = nanoTime;
    }

    /** The copy of {@code key}, read now if none is held or the one held is old; null when there is no record. */
    public @Nullable V get(K key) {
        long now = nanoTime.getAsLong();
        Held<V> copy = held.get(key);
        if (copy != null && (now - copy.readAt() < freshForNanos || !copy.reading().compareAndSet(false, true))) {
            return copy.value();
        }
        long changesBefore = changes.get();
        V read;
        try {
            read = reader.read(key, copy == null ? null : copy.value());
        } finally {
            if (copy != null) {
                copy.reading().set(false);
            }
        }
        // Checked where the copy is stored: a put or forget counts its change before it stores, so either this read
        // sees it or that store comes after this one.
        held.compute(key, (k, current) -> changes.get() != changesBefore ? current
                : read != null ? new Held<>(read, now) : null);
        return read;
    }

    /** Holds {@code value} as the copy of {@code key} from now on, such as the record this instance just wrote. */
    public void put(K key, V value) {
        changes.incrementAndGet();
        held.put(key, new Held<>(value, nanoTime.getAsLong()));
    }

    /** Forgets the copy of {@code key}: the next caller reads the record, such as after this instance changed it. */
    public void forget(K key) {
        changes.incrementAndGet();
        held.remove(key);
    }

    /** A copy as read at {@code readAt}; whether a caller is reading it again. */
    private record Held<V>(V value, long readAt, AtomicBoolean reading) {

        Held(V value, long readAt) {
            this(value, readAt, new AtomicBoolean());
        }
    }
}
