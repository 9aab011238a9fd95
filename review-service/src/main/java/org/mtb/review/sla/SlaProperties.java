package org.mtb.review.sla;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param warningShare the share of a case's working time after which {@code SlaWarning} is sent (0.75)
 * @param immediateGrace the working time a case due at once may stay undecided before it breaches
 * @param recountInterval how often the open-case gauges are recounted from the cases themselves (they are kept
 *        by increments in between; the recount reads every case, so it runs rarely)
 * @param reconcileInterval how often every open deadline is checked against its region's calendar and catalog, so
 *        that a change whose recompute was lost (a crash, a conflict, another instance's cached copy) is caught up
 *        with; it reads every open case, so it runs rarely
 * @param reconcileDelay how long after start the first of those checks runs
 * @param reconcileAgainAfter after a region's calendar or catalog changed, how long until its deadlines are checked
 *        once more: by then no instance opens a case under the old copy (their caches are shorter)
 */
@ConfigurationProperties("review.sla")
record SlaProperties(double warningShare, Duration immediateGrace, Duration recountInterval,
        Duration reconcileInterval, Duration reconcileDelay, Duration reconcileAgainAfter) {

    SlaProperties {
        if (!(warningShare > 0 && warningShare < 1)) {
            throw new IllegalArgumentException("review.sla.warning-share must lie between 0 and 1: " + warningShare);
        }
        if (immediateGrace.isNegative() || immediateGrace.isZero()) {
            throw new IllegalArgumentException("review.sla.immediate-grace must be positive: " + immediateGrace);
        }
        if (!reconcileInterval.isPositive() || reconcileDelay.isNegative() || !reconcileAgainAfter.isPositive()) {
            throw new IllegalArgumentException("review.sla.reconcile-interval and reconcile-again-after must be "
                    + "positive, reconcile-delay not negative");
        }
    }
}
