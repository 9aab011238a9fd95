package org.mtb.review.reviewcase;

import java.util.List;
import org.mtb.support.web.ApiException;
import org.mtb.support.web.FieldProblem;
import org.springframework.http.HttpStatus;

/** The refusals of the review-case feature, each with its stable code. */
final class CaseProblems {

    private CaseProblems() {
    }

    static ApiException notFound(String applicationNumber) {
        return new ApiException(HttpStatus.NOT_FOUND, "CASE_NOT_FOUND", "Review case not found",
                "There is no review case for application " + applicationNumber);
    }

    static ApiException alreadyDecided(ReviewCase decided) {
        return new ApiException(HttpStatus.CONFLICT, "CASE_ALREADY_DECIDED", "Case already decided",
                "Application " + decided.applicationNumber() + " was already decided " + decided.status()
                        + " by " + decided.decision().reviewerId() + " at " + decided.decision().decidedAt());
    }

    /** A case that is not open: decided, waiting for a supplement, or ended without a decision. */
    static ApiException notOpen(ReviewCase c) {
        if (c.decision() != null) {
            return alreadyDecided(c);
        }
        return new ApiException(HttpStatus.CONFLICT, "CASE_NOT_OPEN", "Case not open",
                "Application " + c.applicationNumber() + " is " + c.status() + (c.status() == CaseStatus.AWAITING_SUPPLEMENT
                        ? ": it waits for the applicant's supplement" : ": it ended without a decision"),
                List.of(), java.util.Map.of("status", c.status()));
    }

    /** Another reviewer holds the case: who, and until when, so the caller knows whom to ask or when to look again. */
    static ApiException claimedByAnother(ReviewCase c, Claim held) {
        return new ApiException(HttpStatus.CONFLICT, "CASE_CLAIMED", "Case claimed by another reviewer",
                "Application " + c.applicationNumber() + " is claimed by " + held.reviewer() + " until "
                        + held.until() + "; a supervisor may reassign it",
                List.of(), java.util.Map.of("heldBy", held.reviewer(), "heldUntil", held.until().toString()));
    }

    static ApiException notFiled(ReviewCase c) {
        return new ApiException(HttpStatus.CONFLICT, "CASE_NOT_FILED", "Case not awaiting a post-check",
                "Application " + c.applicationNumber() + " is " + c.status()
                        + "; only an instant filing waiting for its post-check is checked afterwards",
                List.of(), java.util.Map.of("status", c.status()));
    }

    static ApiException invalidSupplementRequest(List<FieldProblem> problems) {
        return new ApiException(HttpStatus.BAD_REQUEST, "INVALID_SUPPLEMENT_REQUEST", "Invalid supplement request",
                problems.size() + " field(s) need correcting; all are listed in 'errors'", problems);
    }

    static ApiException keptChanging(String applicationNumber) {
        return new ApiException(HttpStatus.CONFLICT, "CASE_CHANGED_CONCURRENTLY", "Case changed meanwhile",
                "Application " + applicationNumber + " changed several times while the decision was stored; "
                        + "nothing was decided, send the decision again");
    }

    static ApiException invalidDecision(List<FieldProblem> problems) {
        return new ApiException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "Invalid decision",
                problems.size() + " field(s) need correcting; all are listed in 'errors'", problems);
    }

    static ApiException purposeRequired(int max) {
        return new ApiException(HttpStatus.BAD_REQUEST, "PURPOSE_REQUIRED", "Purpose required",
                "Personal data is opened only for a stated purpose, which is recorded with the opening",
                List.of(new FieldProblem("purpose", "REQUIRED", "must be 1 to " + max + " characters")));
    }

    static ApiException invalidAssignment(FieldProblem problem) {
        return new ApiException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "Invalid assignment",
                "The assignment names no reviewer", List.of(problem));
    }

    static ApiException invalidLimit(int max) {
        return new ApiException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "Invalid parameter",
                "limit must be 1 to " + max, List.of(new FieldProblem("limit", "OUT_OF_RANGE", "must be 1 to " + max)));
    }

    static ApiException invalidCursor() {
        return new ApiException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "Invalid parameter",
                "cursor must be a token this service gave in a Link header; start again without it",
                List.of(new FieldProblem("cursor", "INVALID_FORMAT", "is not a cursor of this queue")));
    }

    static ApiException invalidRegionCode() {
        return new ApiException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "Invalid parameter",
                "regionCode must be a 6-digit administrative division code",
                List.of(new FieldProblem("regionCode", "INVALID_FORMAT", "must be 6 digits")));
    }
}
