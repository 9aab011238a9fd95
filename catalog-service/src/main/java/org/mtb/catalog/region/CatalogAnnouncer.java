package org.mtb.catalog.region;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.mtb.contracts.TimeOrderedIds;
import org.mtb.contracts.Topics;
import org.mtb.contracts.catalog.CatalogPublished;
import org.mtb.support.outbox.OutboxEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Puts a {@code CatalogPublished} into the outbox of each region's version once it is in force. An event
 * means "this list applies now", and intake keeps the newest one it received: announcing a version dated in
 * the future, or an older one added afterwards, would make intake apply the wrong list. The event carries the
 * whole version (schema 2): its effective date, each disease with its additional materials and re-check, and
 * the region's policy; a version stored without a policy, before schema 2, is announced with none.
 */
@Component
class CatalogAnnouncer {

    private static final Logger log = LoggerFactory.getLogger(CatalogAnnouncer.class);

    private final Regions regions;
    private final JsonMapper json;
    private final Clock clock;
    private final CatalogProperties properties;

    CatalogAnnouncer(Regions regions, JsonMapper json, Clock clock, CatalogProperties properties) {
        this.regions = regions;
        this.json = json;
        this.clock = clock;
        this.properties = properties;
    }

    /** Also run at start by the loader; on schedule it catches versions whose effective date has come. */
    @Scheduled(fixedDelayString = "${catalog.announce-interval}", initialDelayString = "${catalog.announce-interval}")
    void announceVersionsInForce() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, properties.timeZone());
        for (RegionVersion version : VersionsInForce.on(today, regions.all())) {
            if (version.announcedAt() == null && regions.announce(version.id(), event(version, now), now)) {
                log.info("Region {} version {} is in force since {}; its catalog is being published",
                        version.regionCode(), version.version(), version.effectiveFrom());
            } else if (!version.outbox().isEmpty()) {
                log.info("Region {} version {} has an unpublished catalog; the outbox relay sends it",
                        version.regionCode(), version.version());
            }
        }
    }

    private OutboxEntry event(RegionVersion version, Instant now) {
        CatalogPublished event = new CatalogPublished(TimeOrderedIds.next(), CatalogPublished.SCHEMA_VERSION, now,
                version.regionCode(), version.regionName(), version.version(), version.effectiveDate(),
                version.acceptedInsuranceTypes(), version.diseases().stream().map(RegionDisease::toContract).toList(),
                version.policy() == null ? null : version.policy().toContract());
        return new OutboxEntry(event.eventId().toString(), Topics.CATALOG_PUBLISHED, version.regionCode(),
                json.writeValueAsString(event), now);
    }
}
