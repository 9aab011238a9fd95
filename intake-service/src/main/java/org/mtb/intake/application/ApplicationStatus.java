package org.mtb.intake.application;

/** Where an application stands, as the applicant sees it in 办理进度. */
public enum ApplicationStatus {
    SUBMITTED,
    UNDER_REVIEW,
    /** A reviewer asked for a supplement (补正); the review waits for the applicant. */
    SUPPLEMENT_REQUIRED,
    APPROVED,
    REJECTED,
    /** Withdrawn by the applicant before a decision. */
    WITHDRAWN,
    /** Closed without a decision: the time to supplement ran out (逾期未补正). */
    NOT_SUPPLEMENTED;

    /** No decision or supplement will follow; a new application for the same disease may be made. */
    public boolean isFinal() {
        return this == APPROVED || this == REJECTED || this == WITHDRAWN || this == NOT_SUPPLEMENTED;
    }
}
