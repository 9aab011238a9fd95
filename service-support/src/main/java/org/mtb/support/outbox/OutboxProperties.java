package org.mtb.support.outbox;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled whether this service has an outbox: a relay runs only where it is set
 * @param collections the collections whose documents carry an {@code outbox} array
 * @param topics the topics this service writes, created at start where missing
 * @param pollInterval how often marks are looked at
 * @param batchSize how many documents one round takes at most (all sent at once), and how many a mark names at most
 * @param sweepInterval how often the collections are searched for events whose mark was lost (a crash between a
 *        write and its mark); a full search, so it runs rarely, and at start
 * @param claimDuration how long a relay may take to publish a claimed mark's events before another may
 * @param roundTimeout the longest a round waits for Kafka's acknowledgements; documents still in flight then are
 *        left claimed until their claim lapses. Shorter than {@code claimDuration}
 * @param maxAttempts how often Kafka may refuse a document's event (too large, say) before it is parked for ops
 * @param retryAfter the wait after a refusal, growing with each attempt
 * @param linger how long a round that found fewer than {@code batchSize} documents waits before the next starts, so
 *        that events written meanwhile go together (Kafka's {@code linger.ms}, for the outbox): without it a relay
 *        under a steady trickle ran round after round of one or two documents, six commands each
 */
@ConfigurationProperties("mtb.outbox")
record OutboxProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue List<String> collections,
        @DefaultValue List<String> topics,
        @DefaultValue("200ms") Duration pollInterval,
        @DefaultValue("500") int batchSize,
        @DefaultValue("10m") Duration sweepInterval,
        @DefaultValue("30s") Duration claimDuration,
        @DefaultValue("10s") Duration roundTimeout,
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("5s") Duration retryAfter,
        @DefaultValue("20ms") Duration linger) {

    /** Refuses settings under which two relays could publish one claimed mark at once, or nothing would go out. */
    void validate() {
        if (claimDuration.compareTo(roundTimeout) <= 0) {
            throw new IllegalStateException("mtb.outbox.claim-duration (" + claimDuration
                    + ") must be longer than mtb.outbox.round-timeout (" + roundTimeout
                    + "): a relay's claim must outlast its longest round");
        }
        if (batchSize < 1 || maxAttempts < 1) {
            throw new IllegalStateException("mtb.outbox.batch-size and max-attempts must be positive");
        }
    }
}
