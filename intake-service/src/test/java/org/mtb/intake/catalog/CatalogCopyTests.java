package org.mtb.intake.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;

/** A region's catalog is held for a few seconds, then read again by one request while the others use the copy held. */
class CatalogCopyTests {

    private static final String REGION = "659006";

    private final MongoTemplate mongo = mock(MongoTemplate.class);
    private final AtomicLong now = new AtomicLong();
    private final CatalogCopy copy = new CatalogCopy(mongo, now::get);
    private final AtomicInteger reads = new AtomicInteger();

    @Test
    void aRegionReadIsHeldWhileItIsFresh() {
        given(mongo.findById(REGION, RegionCatalog.class)).willAnswer(read -> counted(catalog("1")));

        assertThat(copy.region(REGION)).map(RegionCatalog::version).contains("1");
        now.set(TimeUnit.SECONDS.toNanos(CatalogCopy.FRESH_SECONDS) - 1);
        assertThat(copy.region(REGION)).map(RegionCatalog::version).contains("1");

        assertThat(reads).hasValue(1);
    }

    @Test
    void whileOneRequestReadsAnOldRegionAgainTheOthersUseTheCopyHeld() throws Exception {
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch answer = new CountDownLatch(1);
        given(mongo.findById(REGION, RegionCatalog.class)).willAnswer(read -> {
            if (reads.get() == 0) {
                return counted(catalog("1"));
            }
            reading.countDown();
            answer.await(10, TimeUnit.SECONDS);
            return counted(catalog("2"));
        });
        assertThat(copy.region(REGION)).map(RegionCatalog::version).contains("1");
        now.set(TimeUnit.SECONDS.toNanos(CatalogCopy.FRESH_SECONDS));

        try (ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Optional<RegionCatalog>> first = requests.submit(() -> copy.region(REGION));
            assertThat(reading.await(10, TimeUnit.SECONDS)).isTrue();
            for (int i = 0; i < 20; i++) {
                assertThat(copy.region(REGION)).map(RegionCatalog::version).contains("1");
            }
            answer.countDown();
            assertThat(first.get(10, TimeUnit.SECONDS)).map(RegionCatalog::version).contains("2");
        }
        assertThat(copy.region(REGION)).map(RegionCatalog::version).contains("2");
        assertThat(reads).hasValue(2);
    }

    @Test
    void aReadThatFailsLeavesTheNextRequestToReadAgain() {
        given(mongo.findById(REGION, RegionCatalog.class))
                .willAnswer(read -> counted(catalog("1")))
                .willThrow(new DataAccessResourceFailureException("MongoDB is down"))
                .willAnswer(read -> counted(catalog("2")));
        copy.region(REGION);
        now.set(TimeUnit.SECONDS.toNanos(CatalogCopy.FRESH_SECONDS));

        assertThatThrownBy(() -> copy.region(REGION)).isInstanceOf(DataAccessResourceFailureException.class);
        assertThat(copy.region(REGION)).map(RegionCatalog::version).contains("2");
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
