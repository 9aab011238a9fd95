package org.mtb.review.reviewcase;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Claims on cases (the reviewer's workbench).
 *
 * @param lease how long a claim holds without renewal; a reviewer's workbench renews it while the case is on screen
 */
@ConfigurationProperties("review.claims")
record ClaimProperties(@DefaultValue("PT30M") Duration lease) {
}
