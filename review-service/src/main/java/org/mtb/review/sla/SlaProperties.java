package org.mtb.review.sla;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param warningShare the share of a case's working time after which {@code SlaWarning} is sent (0.75)
 * @param immediateGrace the working time a case due at once may stay undecided before it breaches
 * @param recountInterval how often the open-case gauges are recounted from the cases themselves (they are kept
 *        by increments in between; the recount reads every case, so it runs rarely)
 */
@ConfigurationProperties("review.sla")
record SlaProperties(double warningShare, Duration immediateGrace, Duration recountInterval) {

    SlaProperties {
        if (!(warningShare > 0 && warningShare < 1)) {
            throw new IllegalArgumentException("review.sla.warning-share must lie between 0 and 1: " + warningShare);
        }
        if (immediateGrace.isNegative() || immediateGrace.isZero()) {
            throw new IllegalArgumentException("review.sla.immediate-grace must be positive: " + immediateGrace);
        }
    }
}
