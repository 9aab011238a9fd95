package org.mtb.intake.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.mtb.contracts.catalog.CatalogPublished;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A region's catalog is held for a few seconds, one applied here at once, a made-up region never (how a held copy is
 * read again is {@code HeldCopiesTests}'s).
 */
class CatalogCopyTests {

    private static final String REGION = "659006";

    private final MongoTemplate mongo = mock(MongoTemplate.class);
    private final AtomicLong now = new AtomicLong();
    private final CatalogCopy copy = new CatalogCopy(mongo, now::get);
    private final AtomicInteger reads = new AtomicInteger();

    @Test
    void aRegionReadIsHeldWhileItIsFreshThenReadAgain() {
        given(mongo.findById(REGION, RegionCatalog.class)).willAnswer(read -> counted(catalog("1")))
                .willAnswer(read -> counted(catalog("2")));

        assertThat(copy.region(REGION)).map(RegionCatalog::version).contains("1");
        now.set(TimeUnit.SECONDS.toNanos(CatalogCopy.FRESH_SECONDS) - 1);
        assertThat(copy.region(REGION)).map(RegionCatalog::version).contains("1");
        assertThat(reads).hasValue(1);

        now.set(TimeUnit.SECONDS.toNanos(CatalogCopy.FRESH_SECONDS));
        assertThat(copy.region(REGION)).map(RegionCatalog::version).contains("2");
        assertThat(reads).hasValue(2);
    }

    @Test
    void aRegionWithoutACatalogIsNotHeldSoMadeUpRegionsCannotFillTheMemory() {
        given(mongo.findById("000000", RegionCatalog.class)).willAnswer(read -> counted(null));

        assertThat(copy.region("000000")).isEmpty();
        assertThat(copy.region("000000")).isEmpty();
        assertThat(reads).hasValue(2);
    }

    @Test
    void aCatalogAppliedHereIsHeldAtOnce() {
        given(mongo.findById(REGION, RegionCatalog.class)).willAnswer(read -> counted(catalog("1")));
        assertThat(copy.region(REGION)).map(RegionCatalog::version).contains("1");

        copy.apply(new CatalogPublished(UUID.randomUUID(), CatalogPublished.SCHEMA_VERSION,
                Instant.parse("2026-12-01T00:00:00Z"), REGION, "铁门关市", "2", null, List.of(), List.of(), null));

        verify(mongo).save(any(RegionCatalog.class));
        assertThat(copy.region(REGION)).map(RegionCatalog::version).contains("2");
        assertThat(reads).as("the copy stored, and apply's own look at the one held").hasValue(2);
    }

    private RegionCatalog counted(RegionCatalog catalog) {
        reads.incrementAndGet();
        return catalog;
    }

    private static RegionCatalog catalog(String version) {
        return new RegionCatalog(REGION, "铁门关市", version, null, List.of(), List.of(), null, "event-" + version,
                Instant.parse("2026-11-30T00:00:00Z"));
    }
}
