package org.mtb.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChangeCommitsTests {

    /** The store's own auto-commit size in the tests: far above what they write, so the writer never commits. */
    private static final int STORE_COMMITS_AT_KB = 64 * 1024;
    static final int COMMIT_AT = 256 * 1024;
    private static final int ENTRIES = 20_000;

    @TempDir
    Path dir;

    @Test
    void commitsTheChangesOnItsOwnThreadOnceTheyReachTheSizeAndKeepsThemAcrossAReopen() {
        Path file = dir.resolve("commits.mv.db");
        try (MVStore store = open(file)) {
            MVMap<Integer, String> map = store.openMap("values");
            long versionBefore = store.getCurrentVersion();
            write(map, 0, ENTRIES);
            assertThat(store.getUnsavedMemory()).isGreaterThanOrEqualTo(COMMIT_AT);
            // Nothing else commits in this store: neither the writing thread nor H2's timer.
            assertThat(store.getCurrentVersion()).isEqualTo(versionBefore);

            try (ChangeCommits commits = ChangeCommits.start(store, COMMIT_AT)) {
                commits.afterCommand();
                awaitTrue(() -> store.getCurrentVersion() > versionBefore);
                awaitTrue(() -> store.getUnsavedMemory() < COMMIT_AT);
                long versionCommitted = store.getCurrentVersion();

                write(map, ENTRIES, ENTRIES + 10);
                commits.afterCommand();
                assertThat(store.getUnsavedMemory()).isLessThan(COMMIT_AT);
                // Below the size nothing is committed, woken or not (H2 only counts a version up when it commits).
                sleep(Duration.ofMillis(500));
                assertThat(store.getCurrentVersion()).isEqualTo(versionCommitted);
            }
        }
        try (MVStore reopened = open(file)) {
            MVMap<Integer, String> map = reopened.openMap("values");
            assertThat(map.sizeAsLong()).isEqualTo(ENTRIES + 10);
            assertThat(map.get(ENTRIES - 1)).isEqualTo(value(ENTRIES - 1));
        }
    }

    @Test
    void refusesASizeTheWritingThreadWouldReachFirst() {
        try (MVStore store = open(dir.resolve("refused.mv.db"))) {
            int storesOwn = store.getAutoCommitMemory();
            assertThatThrownBy(() -> ChangeCommits.start(store, storesOwn))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("command thread would commit first");
            assertThatThrownBy(() -> ChangeCommits.start(store, 0)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    static MVStore open(Path file) {
        MVStore store = new MVStore.Builder().fileName(file.toString()).autoCommitBufferSize(STORE_COMMITS_AT_KB)
                .open();
        store.setAutoCommitDelay(0);
        return store;
    }

    static void write(MVMap<Integer, String> map, int from, int to) {
        for (int i = from; i < to; i++) {
            map.put(i, value(i));
        }
    }

    private static String value(int i) {
        return "门诊慢特病-" + i + "-" + "x".repeat(80);
    }

    static void awaitTrue(BooleanSupplier condition) {
        Instant deadline = Instant.now().plusSeconds(20);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waited 20 s").isBefore(deadline);
            sleep(Duration.ofMillis(10));
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
