package org.mtb.review.reviewcase;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Supplements (补正) where the region's policy is silent.
 *
 * @param defaultCalendarDays the applicant's time to supplement when the region's catalog states none (a catalog
 *        published before {@code supplementWithin}); every shipped region states its own
 * @param lapseGrace how long after the applicant's time ends the case is closed as not supplemented: a supplement
 *        intake took just in time is still on its way to review then (intake refuses one after the time)
 */
@ConfigurationProperties("review.supplements")
record SupplementProperties(@DefaultValue("30") int defaultCalendarDays,
        @DefaultValue("PT10M") java.time.Duration lapseGrace) {
}
