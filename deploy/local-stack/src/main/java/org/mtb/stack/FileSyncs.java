package org.mtb.stack;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.h2.mvstore.MVStore;

/**
 * Forces H2's file to the disk once a second when it has been written since the last time, on a thread of its own.
 *
 * <p>H2 writes its chunks without forcing them, so the operating system kept them in memory until they were 30 s old
 * (Linux's {@code dirty_expire_centisecs}) and then wrote the whole file's changes at once: under the submissions
 * benchmark, 280-440 MB every 30 s, and a probe thread on each core at real-time priority woke 20-33 ms late every
 * 100 ms for about half a second each time, on both cores at once, with intake's gate refusing in those seconds
 * (benchmarks/README.md, "The local MongoDB's writes forced each second"). Forced each second, the same bytes go out in
 * a second's share. A change committed is then on the disk about a second after H2 wrote it, where it could wait 30 s
 * before, so a crash of the machine (not only of the process) loses about the last second.
 */
final class FileSyncs extends StoreThread {

    static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);

    private final MVStore store;
    private final AtomicLong forced = new AtomicLong();
    /** H2's count of its file's writes when the file was last forced (or this started); read by the thread only. */
    private long writesForced;

    private FileSyncs(MVStore store, Duration interval) {
        super("mtb-h2-sync", store, interval);
        this.store = store;
        this.writesForced = store.getFileStore().getWriteCount();
    }

    /** Starts forcing {@code store}'s file every {@code interval} in which it was written. */
    static FileSyncs start(MVStore store, Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("The file is forced at a positive interval, not " + interval);
        }
        if (store.getFileStore() == null) {
            throw new IllegalArgumentException("An H2 store in memory has no file to force");
        }
        FileSyncs syncs = new FileSyncs(store, interval);
        syncs.startThread();
        return syncs;
    }

    /** Forces the file if H2 wrote to it since the last time. */
    @Override
    void step() {
        long writes = store.getFileStore().getWriteCount();
        if (writes != writesForced) {
            store.sync();
            writesForced = writes;
            forced.incrementAndGet();
        }
    }

    /** How many times the file has been forced. */
    long forced() {
        return forced.get();
    }
}
