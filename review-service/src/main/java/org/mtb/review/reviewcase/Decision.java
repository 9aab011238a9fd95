package org.mtb.review.reviewcase;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mtb.contracts.review.DecisionOutcome;

/**
 * What the experts decided, by whom and when.
 *
 * @param reasons what the applicant is told: the text of each coded reason, then the reviewer's own words
 * @param reasonCodes the region's coded reasons; null in a decision stored before them
 * @param checklist each point of the case's checklist as the reviewer answered it, with its text as the catalog stated
 *        it then; null in a decision stored before checklists
 */
record Decision(DecisionOutcome outcome, List<String> reasons, String reviewerId, Instant decidedAt,
        @Nullable List<String> reasonCodes, @Nullable List<CheckedCriterion> checklist) {

    record CheckedCriterion(String code, String text, boolean met, @Nullable String note) {
    }
}
