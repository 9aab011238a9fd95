package org.mtb.review.reviewcase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mtb.contracts.review.DecisionOutcome;
import org.mtb.support.web.FieldProblem;

class DecisionValidatorTests {

    @Test
    void acceptsAnApprovalWithoutReasons() {
        assertThat(DecisionValidator.validate(new DecisionRequest(DecisionOutcome.APPROVED, null, null))).isEmpty();
    }

    @Test
    void requiresAReasonForARejectionWhereTheRegionHasNoCodedOnes() {
        List<FieldProblem> problems = new java.util.ArrayList<>();
        DecisionRules.check(new DecisionRequest(DecisionOutcome.REJECTED, List.of(), null), null, "M03900", problems);
        assertThat(problems).extracting(FieldProblem::field, FieldProblem::code)
                .containsExactly(tuple("reasons", "REQUIRED"));
    }

    @Test
    void reportsEveryProblemAtOnce() {
        var request = new DecisionRequest(null, Arrays.asList("诊断不明确", " ", null, "x".repeat(501)), "");

        assertThat(DecisionValidator.validate(request))
                .extracting(FieldProblem::field, FieldProblem::code)
                .containsExactly(
                        tuple("outcome", "REQUIRED"),
                        tuple("reasons[1]", "REQUIRED"),
                        tuple("reasons[2]", "REQUIRED"),
                        tuple("reasons[3]", "TOO_LONG"),
                        tuple("reviewerId", "NOT_ACCEPTED"));
    }
}
