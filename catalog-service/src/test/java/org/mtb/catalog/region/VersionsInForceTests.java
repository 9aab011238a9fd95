package org.mtb.catalog.region;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mtb.contracts.DiseaseCategory;
import org.mtb.contracts.InsuranceType;

class VersionsInForceTests {

    private static RegionVersion version(String regionCode, String version, String effectiveFrom, Instant storedAt) {
        return new RegionVersion(RegionVersion.id(regionCode, version), regionCode, "name", "province", version,
                effectiveFrom, "source", List.of(InsuranceType.RESIDENT), "source",
                new DiseaseCount(1, Map.of()), "source",
                List.of(new RegionDisease("M01200", "血友病", DiseaseCategory.SPECIAL, "s", "s", null, List.of(), null,
                        null, List.of(), null)),
                RegionFixtures.policy(), storedAt, null, List.of(), null);
    }

    @Test
    void takesTheNewestVersionAlreadyEffectiveOfEachRegionSortedByRegionCode() {
        var old = version("659006", "2024.1", "2024-01-01", Instant.EPOCH);
        var current = version("659006", "2025.1", "2025-01-01", Instant.EPOCH);
        var future = version("659006", "2026.1", "2026-01-01", Instant.EPOCH);
        var jiuquan = version("620900", "2025.1", "2025-01-01", Instant.EPOCH);

        assertThat(VersionsInForce.on(LocalDate.of(2025, 12, 31), List.of(future, current, jiuquan, old)))
                .containsExactly(jiuquan, current);
        assertThat(VersionsInForce.on(LocalDate.of(2026, 1, 1), List.of(future, current, jiuquan, old)))
                .containsExactly(jiuquan, future);
    }

    @Test
    void leavesOutARegionWithNoVersionEffectiveYet() {
        var future = version("659006", "2026.1", "2026-01-01", Instant.EPOCH);

        assertThat(VersionsInForce.on(LocalDate.of(2025, 6, 1), List.of(future))).isEmpty();
    }

    @Test
    void prefersTheVersionStoredLastWhenTwoTakeEffectTheSameDay() {
        var first = version("659006", "2025.1", "2025-01-01", Instant.parse("2025-01-01T00:00:00Z"));
        var correction = version("659006", "2025.1a", "2025-01-01", Instant.parse("2025-02-01T00:00:00Z"));

        assertThat(VersionsInForce.on(LocalDate.of(2025, 6, 1), List.of(correction, first))).containsExactly(correction);
    }
}
