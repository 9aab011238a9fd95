package org.mtb.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mtb.stack.ChangeCommitsTests.awaitTrue;
import static org.mtb.stack.ChangeCommitsTests.open;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import java.util.stream.Stream;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StoreThreadTests {

    @TempDir
    Path dir;

    static Stream<Arguments> storeThreads() {
        Function<MVStore, StoreThread> commits = store -> ChangeCommits.start(store, ChangeCommitsTests.COMMIT_AT);
        Function<MVStore, StoreThread> syncs = store -> FileSyncs.start(store, Duration.ofMillis(100));
        return Stream.of(Arguments.of("commits", commits), Arguments.of("syncs", syncs));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("storeThreads")
    void stopsItsThreadWhenClosedAndWhenTheStoreIsClosedUnderIt(String name, Function<MVStore, StoreThread> start) {
        try (MVStore store = open(dir.resolve(name + "-stopped.mv.db"))) {
            StoreThread thread = start.apply(store);
            assertThat(thread.running()).isTrue();
            thread.close();
            assertThat(thread.running()).isFalse();
        }
        MVStore store = open(dir.resolve(name + "-closed-under.mv.db"));
        StoreThread thread = start.apply(store);
        store.close();
        awaitTrue(() -> !thread.running());
    }

    @Test
    void theLocalMongoDbCommitsAndForcesApartWhileOpenAndStopsThoseThreadsWhenClosed() {
        EmbeddedMongo mongo = EmbeddedMongo.onDisk(dir.resolve("mongo.mv.db"), 0);
        OrderedKeysH2Backend backend = (OrderedKeysH2Backend) mongo.backend();
        assertThat(backend.committingApart()).isTrue();
        assertThat(backend.forcingApart()).isTrue();
        mongo.close();
        assertThat(backend.committingApart()).isFalse();
        assertThat(backend.forcingApart()).isFalse();
    }
}
