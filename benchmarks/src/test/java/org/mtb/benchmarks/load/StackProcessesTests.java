package org.mtb.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StackProcessesTests {

    private final Map<String, Double> before = new LinkedHashMap<>(Map.of("intake-service", 10.0));
    private final Map<String, Double> after = new LinkedHashMap<>(Map.of("intake-service", 16.0));

    @Test
    void givesEachPartsCoresAndItsCpuTimePerUnitOfWork() {
        assertThat(StackProcesses.cpuLines(before, after, 10.0, 1_000)).first().asString()
                .contains("intake-service").contains("0.60 cores, 6.00 ms CPU each");
    }

    @Test
    void givesCoresAloneWhenNoWorkIsCounted() {
        assertThat(StackProcesses.cpuLines(before, after, 10.0)).first().asString()
                .endsWith("0.60 cores");
    }

    @Test
    void givesTheCoresOfEachPartsCompilers() {
        Map<String, Double> compilersBefore = new LinkedHashMap<>(Map.of("intake-service", 1.0));
        compilersBefore.put("review-service", 2.0);
        Map<String, Double> compilersAfter = new LinkedHashMap<>(Map.of("intake-service", 4.0));
        compilersAfter.put("review-service", 2.5);

        assertThat(StackProcesses.compilerLine(compilersBefore, compilersAfter, 10.0))
                .isEqualTo("intake-service 0.30, review-service 0.05 cores");
    }

    @Test
    void readsTheCompilersOfARunningJvm() {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                java.nio.file.Files.isDirectory(java.nio.file.Path.of("/proc/self/task")), "Linux only");
        // This JVM has compiler threads; whatever they have done so far reads as a count, not as unknown.
        assertThat(StackProcesses.compilerTicks(ProcessHandle.current().pid())).hasValueSatisfying(
                ticks -> assertThat(ticks).isNotNegative());
        assertThat(StackProcesses.compilerTicks(-1)).as("no such process").isEmpty();
    }

    @Test
    void theStacksCompilerCoresLeaveOutTheBenchmarkAndAreUnknownWhenAPartCannotBeCompared() {
        Map<String, Double> before = Map.of("intake-service", 10.0, "review-service", 3.0, "benchmark JVM", 1.0);
        assertThat(StackProcesses.stackCompilerCores(before,
                Map.of("intake-service", 12.0, "review-service", 3.5, "benchmark JVM", 9.0), 10))
                .isCloseTo(0.25, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(StackProcesses.stackCompilerCores(before, Map.of("intake-service", 12.0, "review-service", 2.0), 10))
                .as("review's compiler time went back").isNaN();
        assertThat(StackProcesses.stackCompilerCores(before, Map.of("intake-service", 12.0, "mongo", 4.0), 10))
                .as("MongoDB was not read before").isNaN();
        assertThat(StackProcesses.stackCompilerCores(Map.of(), Map.of("benchmark JVM", 2.0), 10))
                .as("no part of the stack read").isNaN();
    }
}
