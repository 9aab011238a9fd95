package org.mtb.review.reviewcase;

/** A case is open until the experts decide it; it waits while a supplement is asked for, and ends without a decision
 * when the applicant withdraws or does not supplement in time. */
enum CaseStatus {
    OPEN,
    /** Returned for supplement (补正): the review clock is stopped until the applicant answers. */
    AWAITING_SUPPLEMENT,
    /**
     * Filed at once by the system under the region's instant-filing rule (即时备案): the qualification is in effect,
     * and a reviewer checks the filing afterwards (事后审核), confirming or revoking it.
     */
    FILED,
    /** A post-check revoked an instant filing's qualification. */
    REVOKED,
    /** Approved, and publicly noticed (公示) before the qualification takes effect. */
    IN_PUBLIC_NOTICE,
    /** An objection raised during the public notice waits for a supervisor. */
    UNDER_OBJECTION,
    /** An objection was upheld: the approval is withdrawn and no qualification is granted. */
    OBJECTION_UPHELD,
    /** Approved; the qualification is in effect, or will be from its effective date. */
    APPROVED,
    REJECTED,
    /** Withdrawn by the applicant before a decision. */
    WITHDRAWN,
    /** The time to supplement ran out (逾期未补正). */
    NOT_SUPPLEMENTED;

    /** Whether a reviewer may claim a case in this status: one that waits for a reviewer's decision or post-check. */
    boolean claimable() {
        return this == OPEN || this == FILED;
    }
}
