package org.mtb.review.policy;

/** A region's catalog copy was replaced by a newer one (a Spring application event, inside this instance). */
public record RegionPolicyChanged(String regionCode) {
}
