package org.mtb.intake.outbox;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param pollInterval how often marked documents are looked at
 * @param batchSize how many documents one round publishes at most
 * @param collections the collections whose documents carry an {@code outbox} array
 * @param sweepInterval how often every document of those collections is searched for events whose mark was lost
 *        (a crash between a write and its mark); a full search, so it runs rarely
 * @param claimDuration how long an instance may take to publish a claimed mark's events before another may
 * @param parallelism how many documents are published side by side
 */
@ConfigurationProperties("intake.outbox")
record OutboxProperties(Duration pollInterval, int batchSize, List<String> collections, Duration sweepInterval,
        Duration claimDuration, int parallelism) {
}
