package org.mtb.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class MachineTimeTests {

    @Test
    void readsTheSummaryLineOfProcStat() {
        // user nice system idle iowait irq softirq steal guest guest_nice
        Optional<MachineTime> time = MachineTime.parse("cpu  1000 10 200 5000 30 5 15 40 0 0");

        assertThat(time).contains(new MachineTime(1230, 5000, 30, 40));
    }

    @Test
    void countsNoStealWhereTheKernelDoesNot() {
        // user 1 + nice 2 + system 3 + irq 6 + softirq 7
        assertThat(MachineTime.parse("cpu 1 2 3 4 5 6 7")).contains(new MachineTime(19, 4, 5, 0));
    }

    @Test
    void refusesALineOfOneCoreOrOneThatDoesNotRead() {
        assertThat(MachineTime.parse("cpu0 1000 10 200 5000 30 5 15 40")).isEmpty();
        assertThat(MachineTime.parse("cpu  1000 ten 200 5000 30 5 15 40")).isEmpty();
        assertThat(MachineTime.parse("cpu  1000 10")).isEmpty();
    }

    @Test
    void givesTheCoresOfEachKindBetweenTwoReadings() {
        Optional<MachineTime> before = Optional.of(new MachineTime(1_000, 500, 10, 20));
        Optional<MachineTime> after = Optional.of(new MachineTime(2_900, 550, 10, 70));

        // 10 s apart at 100 ticks a second: 1,900 ticks busy are 1.90 cores.
        assertThat(MachineTime.line(before, after, 10.0)).isEqualTo("1.90 cores busy (the stack, the kernel and"
                + " anything else), 0.05 idle, 0.00 waiting for the disk, 0.05 taken by the host (steal)");
    }

    @Test
    void saysUnknownWithoutBothReadings() {
        assertThat(MachineTime.line(Optional.empty(), Optional.of(new MachineTime(1, 1, 1, 1)), 10.0))
                .startsWith("unknown");
    }

    @Test
    void readsThisMachineWhereThereIsProcStat() {
        Assumptions.assumeTrue(Files.isReadable(Path.of("/proc/stat")), "Linux only");

        MachineTime now = MachineTime.now().orElseThrow();

        assertThat(now.busy() + now.idle()).isPositive();
    }
}
