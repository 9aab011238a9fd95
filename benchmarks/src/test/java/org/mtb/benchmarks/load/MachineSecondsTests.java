package org.mtb.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class MachineSecondsTests {

    private static final String AVERAGE = "1.90 cores busy";

    private static MachineSeconds.Second at(String clock, double steal) {
        return new MachineSeconds.Second(Instant.parse("2026-12-05T" + clock + "Z"), steal);
    }

    @Test
    void namesTheSecondsInWhichTheHostTookTheMostLargestFirst() {
        List<MachineSeconds.Second> seconds = List.of(at("15:42:01", 0.28), at("15:42:02", 0.56),
                at("15:42:03", 0.05), at("15:42:04", 0.47), at("15:42:05", 0.60));

        assertThat(MachineSeconds.describe(AVERAGE, seconds)).isEqualTo(AVERAGE + "; the host took most at"
                + " 15:42:05 (0.60 cores), 15:42:02 (0.56 cores), 15:42:04 (0.47 cores) (UTC)");
    }

    @Test
    void saysSoWhenTheHostTookNoSecondWorthNaming() {
        assertThat(MachineSeconds.describe(AVERAGE, List.of(at("15:42:01", 0.02), at("15:42:02", 0.09))))
                .isEqualTo(AVERAGE + "; in no second did the host take 0.10 cores or more");
    }

    @Test
    void givesTheAverageAloneWithoutASecondRead() {
        assertThat(MachineSeconds.describe(AVERAGE, List.of())).isEqualTo(AVERAGE);
    }

    @Test
    void readsThisMachineUntilClosed() throws InterruptedException {
        Assumptions.assumeTrue(Files.isReadable(Path.of("/proc/stat")), "Linux only");

        MachineSeconds machine = MachineSeconds.start();
        Thread.sleep(1_200);
        String summary = machine.summary();
        machine.close();

        assertThat(summary).contains("cores busy").contains("taken by the host (steal)")
                .containsAnyOf("the host took most at", "in no second did the host take");
    }
}
