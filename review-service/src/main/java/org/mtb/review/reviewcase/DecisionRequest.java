package org.mtb.review.reviewcase;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mtb.contracts.review.DecisionOutcome;

/**
 * The experts' decision as a reviewer's workbench sends it. The reviewer is the access token's subject; a
 * {@code reviewerId} in the body is refused rather than ignored, so a client written for the earlier API learns
 * that it no longer names the reviewer.
 *
 * @param reasons the reviewer's own words to the applicant; required for a rejection where the region has no coded
 *        reasons, optional beside coded ones
 * @param reasonCodes the region's coded rejection reasons (its catalog's {@code rejectionReasons}); at least one for a
 *        rejection where the region has any
 * @param checklist the reviewer's answer to every point of the case's checklist (the region's and the disease's
 *        criteria); an approval needs every point met
 */
record DecisionRequest(@Nullable DecisionOutcome outcome, @Nullable List<@Nullable String> reasons,
        @Nullable String reviewerId, @Nullable List<@Nullable String> reasonCodes,
        @Nullable List<@Nullable CriterionAnswer> checklist) {

    /** A decision as clients before the workbench sent it. */
    DecisionRequest(@Nullable DecisionOutcome outcome, @Nullable List<@Nullable String> reasons,
            @Nullable String reviewerId) {
        this(outcome, reasons, reviewerId, null, null);
    }

    /** @param note what the reviewer saw, for the record; optional */
    record CriterionAnswer(@Nullable String code, @Nullable Boolean met, @Nullable String note) {
    }
}
