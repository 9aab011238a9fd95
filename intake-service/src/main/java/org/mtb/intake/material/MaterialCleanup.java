package org.mtb.intake.material;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes uploads that no application referenced within {@code mtb.materials.unreferenced-ttl}: their metadata, then
 * their bytes. Each removal is conditional on the material still being unreferenced, so a material an application
 * attaches while the job runs is kept, and instances running the job at the same time do not interfere. Counts
 * {@code intake.materials.removed}.
 */
@Component
class MaterialCleanup {

    private static final Logger log = LoggerFactory.getLogger(MaterialCleanup.class);
    static final int BATCH = 200;

    private final MaterialStore store;
    private final MaterialsProperties properties;
    private final Clock clock;
    private final Counter removed;

    MaterialCleanup(MaterialStore store, MaterialsProperties properties, Clock clock, MeterRegistry meters) {
        this.store = store;
        this.properties = properties;
        this.clock = clock;
        // Registered at 0, so that dashboards see the series before the first removal.
        this.removed = Counter.builder("intake.materials.removed")
                .description("Uploaded materials removed because no application referenced them in time")
                .register(meters);
    }

    @Scheduled(fixedDelayString = "${mtb.materials.cleanup-every:PT1H}",
            initialDelayString = "${mtb.materials.cleanup-every:PT1H}")
    void run() {
        removeUnreferencedUploadedBefore(clock.instant().minus(properties.unreferencedTtl()));
    }

    /** Removes the unreferenced materials uploaded before the cutoff; answers how many this call removed. */
    int removeUnreferencedUploadedBefore(Instant cutoff) {
        int count = 0;
        List<Material> batch;
        int removedOfBatch;
        do {
            batch = store.unreferencedUploadedBefore(cutoff, BATCH);
            removedOfBatch = 0;
            for (Material material : batch) {
                if (store.removeUnreferenced(material)) {
                    removedOfBatch++;
                    removed.increment();
                    log.info("Material {} removed, unreferenced since {}: type {}, region {}", material.id(),
                            material.uploadedAt(), material.type(), material.regionCode());
                }
            }
            count += removedOfBatch;
            // A full batch of which none could be removed was taken by another instance: that one goes on.
        } while (batch.size() == BATCH && removedOfBatch > 0);
        return count;
    }
}
