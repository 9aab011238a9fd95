package org.mtb.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mtb.stack.ChangeCommitsTests.awaitTrue;
import static org.mtb.stack.ChangeCommitsTests.open;
import static org.mtb.stack.ChangeCommitsTests.sleep;
import static org.mtb.stack.ChangeCommitsTests.write;

import java.nio.file.Path;
import java.time.Duration;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSyncsTests {

    private static final Duration INTERVAL = Duration.ofMillis(100);
    /** Several intervals: long enough for a force that was due to have happened. */
    private static final Duration SEVERAL_INTERVALS = Duration.ofMillis(600);

    @TempDir
    Path dir;

    @Test
    void forcesTheFileOnlyInIntervalsInWhichItWasWritten() {
        // H2's timer is off in these stores (ChangeCommitsTests.open): only the test's commits write the file.
        try (MVStore store = open(dir.resolve("synced.mv.db")); FileSyncs syncs = FileSyncs.start(store, INTERVAL)) {
            MVMap<Integer, String> map = store.openMap("values");
            sleep(SEVERAL_INTERVALS);
            assertThat(syncs.forced()).as("nothing written since the start").isZero();

            write(map, 0, 1_000);
            store.commit();
            awaitTrue(() -> syncs.forced() == 1);
            sleep(SEVERAL_INTERVALS);
            assertThat(syncs.forced()).as("written once, forced once").isEqualTo(1);

            write(map, 1_000, 1_010);
            store.commit();
            awaitTrue(() -> syncs.forced() == 2);
            sleep(SEVERAL_INTERVALS);
            assertThat(syncs.forced()).isEqualTo(2);
        }
    }

    @Test
    void refusesNoIntervalAndAStoreWithoutAFile() {
        try (MVStore store = open(dir.resolve("refused.mv.db"))) {
            assertThatThrownBy(() -> FileSyncs.start(store, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> FileSyncs.start(store, Duration.ofMillis(-1)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        try (MVStore inMemory = new MVStore.Builder().open()) {
            assertThatThrownBy(() -> FileSyncs.start(inMemory, INTERVAL))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("no file");
        }
    }
}
