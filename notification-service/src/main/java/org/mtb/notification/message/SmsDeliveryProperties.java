package org.mtb.notification.message;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How hard an SMS is tried. The retry job's own period is {@code notification.sms.retry-interval}, read by its
 * {@code @Scheduled} annotation.
 *
 * @param maxAttempts sends tried in all, the first included; after that the SMS stays FAILED
 * @param firstRetryAfter wait after the first failure; it doubles with every further failure
 * @param maxRetryAfter the longest wait between two attempts
 * @param claimLease how long an SMS is left to the instance that claimed it (the one that stored it, for the first
 *        send; a retry job, for a retry) before another may send it: longer than the provider ever takes to answer.
 *        The SMS of one Kafka poll share one lease and are sent one after the other; those not sent before it ran
 *        out are left to the retry job
 */
@ConfigurationProperties("notification.sms")
record SmsDeliveryProperties(
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("5s") Duration firstRetryAfter,
        @DefaultValue("10m") Duration maxRetryAfter,
        @DefaultValue("1m") Duration claimLease) {

    SmsDeliveryProperties {
        if (maxAttempts < 1 || !firstRetryAfter.isPositive() || !claimLease.isPositive()) {
            throw new IllegalArgumentException("notification.sms.max-attempts, first-retry-after and claim-lease must be "
                    + "positive");
        }
    }

    /** The wait after {@code failures} failed sends: first, then doubling, at most {@code maxRetryAfter}. */
    Duration retryAfter(int failures) {
        Duration wait = firstRetryAfter;
        for (int i = 1; i < failures && wait.compareTo(maxRetryAfter) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : wait;
    }
}
