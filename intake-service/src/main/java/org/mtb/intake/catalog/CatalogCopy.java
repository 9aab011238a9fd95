package org.mtb.intake.catalog;

import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.mtb.contracts.catalog.CatalogPublished;
import org.mtb.support.cache.HeldCopies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads and updates intake's copy of the regional catalogs. Every submission needs its region's catalog, so a region
 * read is held in memory and read again from MongoDB once it is {@value #FRESH_SECONDS} s old, by one request while
 * the others keep using the copy held ({@link HeldCopies}): a catalog another instance applied is in force here within
 * that time, one this instance applied at once. Only regions that exist are held, so that requests naming made-up
 * regions cannot fill the memory.
 */
@Component
public class CatalogCopy {

    private static final Logger log = LoggerFactory.getLogger(CatalogCopy.class);
    static final long FRESH_SECONDS = 5;

    private final MongoTemplate mongo;
    private final HeldCopies<String, RegionCatalog> held;

    @Autowired
    CatalogCopy(MongoTemplate mongo) {
        this(mongo, System::nanoTime);
    }

    CatalogCopy(MongoTemplate mongo, LongSupplier nanoTime) {
        this.mongo = mongo;
        this.held = new HeldCopies<>(Duration.ofSeconds(FRESH_SECONDS),
                (regionCode, old) -> mongo.findById(regionCode, RegionCatalog.class), nanoTime);
    }

    public Optional<RegionCatalog> region(String regionCode) {
        return Optional.ofNullable(held.get(regionCode));
    }

    public boolean isEmpty() {
        return regionsHeld() == 0;
    }

    /** How many regions' catalogs intake holds; none before catalog-service's first publication reached it. */
    long regionsHeld() {
        return mongo.estimatedCount(RegionCatalog.class);
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
        RegionCatalog catalog = new RegionCatalog(event.regionCode(), event.regionName(), event.version(),
                event.effectiveFrom() == null ? null : event.effectiveFrom().toString(), event.acceptedInsuranceTypes(),
                event.diseases(), event.policy(), event.eventId().toString(), event.occurredAt());
        mongo.save(catalog);
        held.put(event.regionCode(), catalog);
        log.info("Catalog of region {} now at version {} ({} diseases)", event.regionCode(), event.version(),
                event.diseases().size());
    }
}
