package org.mtb.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recordings of a phase, made here of this test's own JVM, which {@code jcmd} reaches as it reaches the stack's. */
class PhaseProfilesTests {

    @TempDir
    Path directory;

    @Test
    void recordsEachProcessForThePhaseInAFileOfItsOwn() throws IOException {
        long self = ProcessHandle.current().pid();

        PhaseProfiles profiles = PhaseProfiles.start(Map.of("this-test", self), "b", directory);
        busyFor(300);
        profiles.close();

        Path file = directory.resolve("b-this-test.jfr").toAbsolutePath();
        assertThat(profiles.failures()).isEmpty();
        assertThat(profiles.files()).containsExactly(Map.entry("this-test", file));
        try (InputStream in = Files.newInputStream(file)) {
            // Every JFR file begins with the magic bytes F L R 0.
            assertThat(in.readNBytes(4)).containsExactly('F', 'L', 'R', 0);
        }
    }

    @Test
    void aProcessThatCannotBeReachedIsNamedAndLeavesNoFile() throws IOException {
        long gone = ProcessHandle.allProcesses().mapToLong(ProcessHandle::pid).max().orElse(1) + 100_000;

        PhaseProfiles profiles = PhaseProfiles.start(Map.of("gone", gone), "c", directory);
        profiles.close();

        assertThat(profiles.files()).isEmpty();
        assertThat(profiles.failures()).singleElement().asString().startsWith("gone: ");
        assertThat(directory.resolve("c-gone.jfr")).doesNotExist();
    }

    /** Kept, so that the busy loop is not compiled away. */
    private static volatile long spent;

    private static void busyFor(long millis) {
        long end = System.nanoTime() + millis * 1_000_000;
        long sum = 0;
        while (System.nanoTime() < end) {
            sum += Long.toString(sum).hashCode();
        }
        spent = sum;
    }
}
