package org.mtb.catalog.region;

import io.micrometer.core.instrument.MeterRegistry;
import org.mtb.contracts.Topics;
import org.mtb.support.outbox.OutboxEntry;
import org.mtb.support.outbox.OutboxListener;
import org.springframework.stereotype.Component;

/**
 * Counts a catalog when Kafka acknowledged it, not when its version was stored, so the number says what the other
 * services could receive. The key of a catalog event is its region code: a handful of values.
 */
@Component
class CatalogPublishedCounter implements OutboxListener {

    private final MeterRegistry meters;

    CatalogPublishedCounter(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public void published(OutboxEntry event) {
        if (Topics.CATALOG_PUBLISHED.equals(event.topic())) {
            meters.counter("catalog.catalogs.published", "region", event.key()).increment();
        }
    }
}
