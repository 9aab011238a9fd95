package org.mtb.catalog.region;

import java.time.LocalDate;

/** The policy of a region's version in force, its review rules included, every value with its source. */
record PolicyView(String regionCode, String regionName, String version, LocalDate effectiveFrom, Policy policy) {

    static PolicyView of(RegionVersion version) {
        return new PolicyView(version.regionCode(), version.regionName(), version.version(), version.effectiveDate(),
                version.policy());
    }
}
