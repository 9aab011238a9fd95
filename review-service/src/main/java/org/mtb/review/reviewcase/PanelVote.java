package org.mtb.review.reviewcase;

import java.time.Instant;
import java.util.List;
import org.mtb.contracts.review.DecisionOutcome;

/**
 * One expert's vote on a case decided by a panel (医学鉴定): the case is decided when as many reviewers as the panel
 * has agree; votes that differ leave it to a supervisor.
 */
record PanelVote(String reviewer, DecisionOutcome outcome, List<String> reasons, List<String> reasonCodes,
        List<Decision.CheckedCriterion> checklist, Instant at) {
}
