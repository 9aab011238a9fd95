package org.mtb.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MachineSpeedTests {

    @Test
    void timesTheAmountAskedAndSaysHowToReadIt() {
        MachineSpeed.Probe probe = MachineSpeed.probe(4);

        assertThat(probe.megabytes()).isEqualTo(4);
        assertThat(probe.bestMillis()).isPositive().isLessThan(60_000);
        assertThat(probe.memoryReadNanos()).as("a read of main memory").isGreaterThan(1).isLessThan(100_000);
        assertThat(probe.describe()).startsWith("4 MB SHA-256 on one core in ").contains(", a random read of memory ")
                .contains("(best of 3)");
        assertThat(new MachineSpeed.Probe(64, 212.4, 95.4).describe())
                .startsWith("64 MB SHA-256 on one core in 212 ms, a random read of memory 95 ns (best of 3)");
        assertThat(new MachineSpeed.Probe(64, 212.4, 0).describe())
                .startsWith("64 MB SHA-256 on one core in 212 ms (best of 3)");
    }

    @Test
    void aRunsProbeIsTakenInAJvmOfItsOwn() {
        MachineSpeed.Probe probe = MachineSpeed.inOwnJvm(4);

        assertThat(probe.megabytes()).isEqualTo(4);
        assertThat(probe.bestMillis()).isPositive().isLessThan(60_000);
        assertThat(probe.memoryReadNanos()).isGreaterThan(1).isLessThan(100_000);
    }
}
