package org.mtb.review.reviewcase;

import java.util.ArrayList;
import java.util.List;
import org.mtb.contracts.review.DecisionOutcome;
import org.mtb.support.web.FieldProblem;

/**
 * Checks a decision's shape and reports every problem at once; what it must name from the region's catalog (coded
 * reasons, the checklist; a rejection must say why, the applicant is told) is checked by {@link DecisionRules}.
 */
final class DecisionValidator {

    static final int MAX_REASONS = 20;
    static final int MAX_REASON_LENGTH = 500;

    private DecisionValidator() {
    }

    static List<FieldProblem> validate(DecisionRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        if (request.outcome() == null) {
            problems.add(new FieldProblem("outcome", "REQUIRED", "is required: APPROVED or REJECTED"));
        }
        List<String> reasons = request.reasons() == null ? List.of() : request.reasons();
        if (reasons.size() > MAX_REASONS) {
            problems.add(new FieldProblem("reasons", "TOO_MANY", "at most " + MAX_REASONS + " reasons"));
        }
        for (int i = 0; i < reasons.size(); i++) {
            String reason = reasons.get(i);
            if (reason == null || reason.isBlank()) {
                problems.add(new FieldProblem("reasons[" + i + "]", "REQUIRED", "must not be empty"));
            } else if (reason.length() > MAX_REASON_LENGTH) {
                problems.add(new FieldProblem("reasons[" + i + "]", "TOO_LONG",
                        "must be at most " + MAX_REASON_LENGTH + " characters"));
            }
        }
        if (request.reviewerId() != null) {
            problems.add(new FieldProblem("reviewerId", "NOT_ACCEPTED",
                    "the reviewer is the subject of the access token; leave it out"));
        }
        return problems;
    }
}
