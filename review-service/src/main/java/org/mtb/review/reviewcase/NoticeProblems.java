package org.mtb.review.reviewcase;

import java.util.List;
import java.util.Map;
import org.mtb.support.web.ApiException;
import org.mtb.support.web.FieldProblem;
import org.springframework.http.HttpStatus;

/** The refusals of public notices and objections, each with its stable code. */
final class NoticeProblems {

    private NoticeProblems() {
    }

    static ApiException notInNotice(String regionCode, String applicationNumber) {
        return new ApiException(HttpStatus.NOT_FOUND, "NOT_IN_PUBLIC_NOTICE", "Not in public notice",
                "Application " + applicationNumber + " is not on the public notice of region " + regionCode);
    }

    static ApiException noticeEnded(ReviewCase c) {
        return new ApiException(HttpStatus.CONFLICT, "PUBLIC_NOTICE_ENDED", "Public notice ended",
                "The public notice of application " + c.applicationNumber() + " ended on " + c.notice().until()
                        + "; objections are no longer taken",
                List.of(), Map.of("noticeUntil", c.notice().until().toString()));
    }

    static ApiException objectionNotFound(String applicationNumber, String objectionId) {
        return new ApiException(HttpStatus.NOT_FOUND, "OBJECTION_NOT_FOUND", "Objection not found",
                "Application " + applicationNumber + " has no objection " + objectionId);
    }

    static ApiException alreadySettled(PublicNotice.Objection objection) {
        return new ApiException(HttpStatus.CONFLICT, "OBJECTION_ALREADY_SETTLED", "Objection already settled",
                "Objection " + objection.id() + " was " + objection.status() + " by " + objection.settledBy() + " at "
                        + objection.settledAt());
    }

    static ApiException invalid(String title, List<FieldProblem> problems) {
        return new ApiException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", title,
                problems.size() + " field(s) need correcting; all are listed in 'errors'", problems);
    }
}
