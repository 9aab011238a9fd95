package org.mtb.intake.catalog;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * Health component {@code catalog}: intake takes applications only once it holds a region's catalog, which reaches it
 * from catalog-service over Kafka some seconds after both started. Until then it answers every submission 503
 * {@code CATALOG_NOT_LOADED}, so it reports itself {@code OUT_OF_SERVICE} (HTTP 503 on {@code /actuator/health}):
 * the local stack's "All up", a compose health check or a load balancer then wait until it can serve. Its other
 * answers (status of an application, materials) do not need the catalog, but taking applications is what intake is
 * for. A catalog once held is never removed, so this stays up whatever catalog-service does later.
 */
@Component
class CatalogHealthIndicator extends AbstractHealthIndicator {

    private final CatalogCopy catalog;

    CatalogHealthIndicator(CatalogCopy catalog) {
        super("Cannot count the regional catalogs held");
        this.catalog = catalog;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        long regions = catalog.regionsHeld();
        if (regions == 0) {
            builder.status(Status.OUT_OF_SERVICE).withDetail("regions", 0)
                    .withDetail("reason", "no regional catalog received from catalog-service yet");
        } else {
            builder.up().withDetail("regions", regions);
        }
    }
}
