package org.mtb.review.reviewcase;

import java.time.Instant;
import java.util.List;
import org.mtb.contracts.review.DecisionOutcome;

/** What the experts decided, by whom and when. */
record Decision(DecisionOutcome outcome, List<String> reasons, String reviewerId, Instant decidedAt) {
}
