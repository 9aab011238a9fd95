package org.mtb.review.reviewcase;

/** A case is open until the experts decide it; it waits while a supplement is asked for, and ends without a decision
 * when the applicant withdraws or does not supplement in time. */
enum CaseStatus {
    OPEN,
    /** Returned for supplement (补正): the review clock is stopped until the applicant answers. */
    AWAITING_SUPPLEMENT,
    APPROVED,
    REJECTED,
    /** Withdrawn by the applicant before a decision. */
    WITHDRAWN,
    /** The time to supplement ran out (逾期未补正). */
    NOT_SUPPLEMENTED
}
