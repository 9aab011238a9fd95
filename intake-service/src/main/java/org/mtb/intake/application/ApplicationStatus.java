package org.mtb.intake.application;

/** Where an application stands, as the applicant sees it in 办理进度. */
public enum ApplicationStatus {
    SUBMITTED,
    UNDER_REVIEW,
    APPROVED,
    REJECTED;

    public boolean isFinal() {
        return this == APPROVED || this == REJECTED;
    }
}
