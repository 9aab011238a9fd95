package org.mtb.review.reviewcase;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mtb.contracts.review.DecisionOutcome;

/**
 * The experts' decision as a reviewer's workbench sends it. The reviewer is the access token's subject; a
 * {@code reviewerId} in the body is refused rather than ignored, so a client written for the earlier API learns
 * that it no longer names the reviewer.
 */
record DecisionRequest(@Nullable DecisionOutcome outcome, @Nullable List<@Nullable String> reasons,
        @Nullable String reviewerId) {
}
