package org.mtb.intake.application;

/** Where an application stands, as the applicant sees it in 办理进度. */
public enum ApplicationStatus {
    SUBMITTED,
    UNDER_REVIEW,
    /** A reviewer asked for a supplement (补正); the review waits for the applicant. */
    SUPPLEMENT_REQUIRED,
    /** Approved, and in the region's public notice (公示) until a day; the qualification is not in effect yet. */
    IN_PUBLIC_NOTICE,
    /** An objection was raised during the public notice; a supervisor will uphold or dismiss it. */
    UNDER_OBJECTION,
    /** An objection raised during the public notice was upheld: the approval is withdrawn, no qualification follows. */
    OBJECTION_UPHELD,
    /** Approved: the qualification is in effect (from its first day), granted after the notice or without one. */
    APPROVED,
    REJECTED,
    /** Withdrawn by the applicant before a decision. */
    WITHDRAWN,
    /** Closed without a decision: the time to supplement ran out (逾期未补正). */
    NOT_SUPPLEMENTED,
    /** The qualification this application granted was revoked before its time (撤销), with a reason. */
    QUALIFICATION_REVOKED,
    /** The qualification this application granted reached its last day without a renewal (到期). */
    QUALIFICATION_EXPIRED;

    /** No decision or supplement will follow; a new application for the same disease may be made. */
    public boolean isFinal() {
        return switch (this) {
            case APPROVED, REJECTED, WITHDRAWN, NOT_SUPPLEMENTED, OBJECTION_UPHELD, QUALIFICATION_REVOKED,
                    QUALIFICATION_EXPIRED -> true;
            case SUBMITTED, UNDER_REVIEW, SUPPLEMENT_REQUIRED, IN_PUBLIC_NOTICE, UNDER_OBJECTION -> false;
        };
    }

    /** Review decided it: the decision, its public notice, or what became of its qualification. */
    public boolean isDecided() {
        return switch (this) {
            case IN_PUBLIC_NOTICE, UNDER_OBJECTION, OBJECTION_UPHELD, APPROVED, REJECTED, QUALIFICATION_REVOKED,
                    QUALIFICATION_EXPIRED -> true;
            case SUBMITTED, UNDER_REVIEW, SUPPLEMENT_REQUIRED, WITHDRAWN, NOT_SUPPLEMENTED -> false;
        };
    }
}
