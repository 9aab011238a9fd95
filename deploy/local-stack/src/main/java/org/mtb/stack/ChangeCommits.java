package org.mtb.stack;

import java.time.Duration;
import org.h2.mvstore.MVStore;

/**
 * Commits H2's changes on a thread of its own once they reach a size, so that the local MongoDB's command thread
 * does not.
 *
 * <p>H2 commits from the thread that writes when its unsaved changes pass the store's auto-commit size, and a commit
 * first frees the file space of chunks past their retention under the lock its writer thread ({@code H2-save}) holds
 * for the whole of each chunk's write to the file. Such writes take 20-100 ms here and at times 140-310 ms, and the
 * command thread, which every service's commands pass through, waited behind them (three waits of 107-234 ms in two
 * runs of the submissions benchmark, with intake's gate refusing in those seconds; benchmarks/README.md, "MongoDB's
 * command thread behind H2's file writes"). Committing by H2's timer instead kept the pages longer or wrote more
 * (same section); this thread commits at the size the command thread used to, and waits in its place.
 *
 * <p>The command thread calls {@link #afterCommand} after each command: a read of a counter, and a wake-up of this
 * thread once the changes have reached {@code commitAt}. The store's own auto-commit size must be set above
 * {@code commitAt}: H2's commit from the command thread is then only the fallback when this thread falls behind.
 */
final class ChangeCommits extends StoreThread {

    /** How long the thread sleeps without a wake-up before it looks at the changes again. */
    private static final Duration IDLE_LOOK = Duration.ofMillis(200);

    private final MVStore store;
    private final int commitAt;

    private ChangeCommits(MVStore store, int commitAt) {
        super("mtb-h2-commits", store, IDLE_LOOK);
        this.store = store;
        this.commitAt = commitAt;
    }

    /** Starts committing {@code store}'s changes once they reach {@code commitAtBytes} of unsaved memory. */
    static ChangeCommits start(MVStore store, int commitAtBytes) {
        if (commitAtBytes <= 0 || commitAtBytes >= store.getAutoCommitMemory()) {
            throw new IllegalArgumentException("Commits at " + commitAtBytes + " bytes must come before the store's "
                    + "own at " + store.getAutoCommitMemory() + " bytes, or the command thread would commit first");
        }
        ChangeCommits commits = new ChangeCommits(store, commitAtBytes);
        commits.startThread();
        return commits;
    }

    /** Wakes the thread if the changes have reached the size to commit at; never waits. */
    void afterCommand() {
        if (store.getUnsavedMemory() >= commitAt) {
            wake();
        }
    }

    /** Commits once the changes have reached the size, looking at them when woken and at least every 200 ms. */
    @Override
    void step() {
        if (store.getUnsavedMemory() >= commitAt) {
            // Skipped when another commit (H2's timer, a backup) holds the store: that one takes these too.
            store.tryCommit();
        }
    }
}
