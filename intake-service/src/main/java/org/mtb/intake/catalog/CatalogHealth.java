package org.mtb.intake.catalog;

import org.mtb.support.health.HeldPrerequisite;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Health component {@code catalog}: intake takes applications only once it holds a region's catalog, and answers
 * every submission 503 {@code CATALOG_NOT_LOADED} until then, so it is {@code OUT_OF_SERVICE} meanwhile. Its other
 * answers (an application's status, materials) do not need the catalog, but taking applications is what intake is
 * for. A catalog once held is never removed, so this stays up whatever catalog-service does later.
 */
@Configuration(proxyBeanMethods = false)
class CatalogHealth {

    @Bean
    HealthIndicator catalogHealthIndicator(CatalogCopy catalog) {
        return new HeldPrerequisite("regions", catalog::regionsHeld,
                "no regional catalog received from catalog-service yet");
    }
}
