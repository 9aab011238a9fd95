package org.mtb.catalog.outbox;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param pollInterval how often pending events are looked for
 * @param batchSize how many documents one round publishes at most
 * @param collections the collections whose documents carry an {@code outbox} array
 */
@ConfigurationProperties("catalog.outbox")
record OutboxProperties(Duration pollInterval, int batchSize, List<String> collections) {
}
