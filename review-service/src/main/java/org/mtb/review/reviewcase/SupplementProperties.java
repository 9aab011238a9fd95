package org.mtb.review.reviewcase;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Supplements (补正) where the region's policy is silent.
 *
 * @param defaultCalendarDays the applicant's time to supplement when the region's catalog states none (a catalog
 *        published before {@code supplementWithin}); every shipped region states its own
 */
@ConfigurationProperties("review.supplements")
record SupplementProperties(@DefaultValue("30") int defaultCalendarDays) {
}
