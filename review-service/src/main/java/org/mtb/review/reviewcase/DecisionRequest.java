package org.mtb.review.reviewcase;

import java.util.List;
import org.mtb.contracts.review.DecisionOutcome;

/** The experts' decision as a reviewer's workbench sends it. */
record DecisionRequest(DecisionOutcome outcome, List<String> reasons, String reviewerId) {
}
