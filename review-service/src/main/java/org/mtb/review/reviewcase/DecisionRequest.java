package org.mtb.review.reviewcase;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mtb.contracts.review.DecisionOutcome;

/** The experts' decision as a reviewer's workbench sends it. */
record DecisionRequest(@Nullable DecisionOutcome outcome, @Nullable List<@Nullable String> reasons,
        @Nullable String reviewerId) {
}
