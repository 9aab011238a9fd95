package org.mtb.catalog.region;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Answers which version of a region's list is in force on a day. */
@Service
class RegionCatalog {

    private final Regions regions;
    private final Clock clock;
    private final CatalogProperties properties;

    RegionCatalog(Regions regions, Clock clock, CatalogProperties properties) {
        this.regions = regions;
        this.clock = clock;
        this.properties = properties;
    }

    /** Today where the regions are: a list takes effect at local midnight, not at midnight UTC. */
    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), properties.timeZone());
    }

    /** The version in force of every region that has one on {@code day}, sorted by region code. */
    List<RegionVersion> allInForce(LocalDate day) {
        return VersionsInForce.on(day, regions.all());
    }

    Optional<RegionVersion> inForce(String regionCode, LocalDate day) {
        return VersionsInForce.on(day, regions.ofRegion(regionCode)).stream().findFirst();
    }
}
