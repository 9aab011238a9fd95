package org.mtb.intake.catalog;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import org.mtb.contracts.catalog.CatalogPublished;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads and updates intake's copy of the regional catalogs. Every submission needs its region's catalog, so a region
 * read is kept in memory and read again from MongoDB once it is {@value #FRESH_SECONDS} s old: a catalog another
 * instance applied is in force here within that time, one this instance applied at once.
 *
 * <p>One request reads a region again while the others keep using the copy held: with a hundred submissions under way,
 * each of them read and mapped the whole catalog at the moment the copy turned old (a profile of intake under load
 * found these reads in 2.5 % of the submissions' time, JFR, 2026-12-01).
 */
@Component
public class CatalogCopy {

    private static final Logger log = LoggerFactory.getLogger(CatalogCopy.class);
    static final long FRESH_SECONDS = 5;

    private final MongoTemplate mongo;
    private final LongSupplier nanoTime;
    private final Map<String, Held> held = new ConcurrentHashMap<>();

    @Autowired
    CatalogCopy(MongoTemplate mongo) {
        this(mongo, System::nanoTime);
    }

    CatalogCopy(MongoTemplate mongo, LongSupplier nanoTime) {
        this.mongo = mongo;
        this.nanoTime = nanoTime;
    }

    public Optional<RegionCatalog> region(String regionCode) {
        long now = nanoTime.getAsLong();
        Held copy = held.get(regionCode);
        if (copy != null && (now - copy.readAt() < TimeUnit.SECONDS.toNanos(FRESH_SECONDS)
                || !copy.reading().compareAndSet(false, true))) {
            return Optional.of(copy.catalog());
        }
        RegionCatalog read;
        try {
            read = mongo.findById(regionCode, RegionCatalog.class);
        } finally {
            if (copy != null) {
                copy.reading().set(false);
            }
        }
        // Only regions that exist are held, so that requests naming made-up regions cannot fill the memory.
        if (read != null) {
            held.put(regionCode, new Held(read, now));
        } else {
            held.remove(regionCode);
        }
        return Optional.ofNullable(read);
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
        held.put(event.regionCode(), new Held(catalog, nanoTime.getAsLong()));
        log.info("Catalog of region {} now at version {} ({} diseases)", event.regionCode(), event.version(),
                event.diseases().size());
    }

    /** A region's catalog as read at {@code readAt} ({@link System#nanoTime()}); whether a request reads it again. */
    private record Held(RegionCatalog catalog, long readAt, AtomicBoolean reading) {

        Held(RegionCatalog catalog, long readAt) {
            this(catalog, readAt, new AtomicBoolean());
        }
    }
}
