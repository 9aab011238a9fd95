package org.mtb.catalog.region;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Which stored version of each region applies on a given day. */
final class VersionsInForce {

    /** A later effective date wins; on the same date the version stored last, a correction, wins. */
    private static final Comparator<RegionVersion> NEWER_FIRST = Comparator.comparing(RegionVersion::effectiveDate)
            .thenComparing(RegionVersion::storedAt).reversed();

    private VersionsInForce() {
    }

    /** For every region, the newest version effective on or before {@code day}; sorted by region code. */
    static List<RegionVersion> on(LocalDate day, Collection<RegionVersion> versions) {
        Map<String, RegionVersion> inForce = new TreeMap<>();
        for (RegionVersion version : versions) {
            if (!version.effectiveDate().isAfter(day)) {
                inForce.merge(version.regionCode(), version,
                        (a, b) -> NEWER_FIRST.compare(a, b) <= 0 ? a : b);
            }
        }
        return List.copyOf(inForce.values());
    }
}
