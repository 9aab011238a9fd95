package org.mtb.intake.progress;

import org.mtb.intake.application.ApplicationStatus;
import org.mtb.intake.application.PublicNotice;

/**
 * The order of an application's stages after submission. Review's events travel on a topic each and may arrive in any
 * order, so an event moves an application towards the status it reports only where the application has not passed
 * that stage: a late objection does not reopen an approval in effect, a late decision does not undo its own
 * aftermath, and a revoked or expired qualification stays so.
 */
final class Stages {

    static final int UNDECIDED = 0;
    static final int NOTICED = 1;
    static final int SETTLED = 2;
    static final int ENDED = 3;

    private Stages() {
    }

    /**
     * The stage of a status. A withdrawal or lapse counts as undecided: a decision review made before it learnt of
     * them still stands.
     */
    static int of(ApplicationStatus status) {
        return switch (status) {
            case SUBMITTED, UNDER_REVIEW, SUPPLEMENT_REQUIRED, WITHDRAWN, NOT_SUPPLEMENTED -> UNDECIDED;
            case IN_PUBLIC_NOTICE, UNDER_OBJECTION -> NOTICED;
            case APPROVED, REJECTED, OBJECTION_UPHELD -> SETTLED;
            case QUALIFICATION_REVOKED, QUALIFICATION_EXPIRED -> ENDED;
        };
    }

    /**
     * Where an application in {@code current} goes on an event that reports {@code target}: to a later stage, or
     * within the notice, whose status follows from all that is known of it ({@link #inNotice}); otherwise it stays.
     */
    static ApplicationStatus toward(ApplicationStatus current, ApplicationStatus target) {
        int from = of(current);
        int to = of(target);
        return from < to || from == NOTICED && to == NOTICED ? target : current;
    }

    /**
     * The status an approval in public notice has by what is known of its objections, whatever order they arrived
     * in: one upheld withdraws the approval; one not yet settled holds the notice; otherwise the notice runs.
     */
    static ApplicationStatus inNotice(PublicNotice notice) {
        if (notice.upheld().isPresent()) {
            return ApplicationStatus.OBJECTION_UPHELD;
        }
        return notice.anyOpen() ? ApplicationStatus.UNDER_OBJECTION : ApplicationStatus.IN_PUBLIC_NOTICE;
    }
}
