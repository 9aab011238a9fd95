package org.mtb.intake.catalog;

import java.util.Optional;
import org.mtb.contracts.catalog.CatalogPublished;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Reads and updates intake's copy of the regional catalogs. */
@Component
public class CatalogCopy {

    private static final Logger log = LoggerFactory.getLogger(CatalogCopy.class);

    private final MongoTemplate mongo;

    CatalogCopy(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<RegionCatalog> region(String regionCode) {
        return Optional.ofNullable(mongo.findById(regionCode, RegionCatalog.class));
    }

    public boolean isEmpty() {
        return mongo.estimatedCount(RegionCatalog.class) == 0;
    }

    /**
     * Keeps the newest publication of a region. Events of one region share a Kafka key and so arrive in
     * order on one partition; the comparison only guards against a replay of older ones.
     */
    void apply(CatalogPublished event) {
        RegionCatalog current = mongo.findById(event.regionCode(), RegionCatalog.class);
        if (current != null && !event.occurredAt().isAfter(current.publishedAt())) {
            log.debug("Catalog {} {} is not newer than the copy held; ignored", event.regionCode(), event.version());
            return;
        }
        mongo.save(new RegionCatalog(event.regionCode(), event.regionName(), event.version(),
                event.effectiveFrom() == null ? null : event.effectiveFrom().toString(), event.acceptedInsuranceTypes(),
                event.diseases(), event.policy(), event.eventId().toString(), event.occurredAt()));
        log.info("Catalog of region {} now at version {} ({} diseases)", event.regionCode(), event.version(),
                event.diseases().size());
    }
}
