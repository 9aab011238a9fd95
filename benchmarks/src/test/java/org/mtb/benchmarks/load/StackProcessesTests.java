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
}
