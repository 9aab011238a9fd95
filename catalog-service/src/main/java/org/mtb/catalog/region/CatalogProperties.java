package org.mtb.catalog.region;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param regionFiles the resource pattern of the region files loaded at start
 * @param timeZone the zone whose calendar date decides which version is in force
 * @param announceInterval how often versions that came into force since the last look are announced
 */
@ConfigurationProperties("catalog")
record CatalogProperties(String regionFiles, ZoneId timeZone, Duration announceInterval) {
}
