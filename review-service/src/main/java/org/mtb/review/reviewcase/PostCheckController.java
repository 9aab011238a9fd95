package org.mtb.review.reviewcase;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mtb.support.security.Caller;
import org.mtb.support.web.ApiException;
import org.mtb.support.web.FieldProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The post-check (事后审核) of an instant filing by a reviewer of its region. */
@RestController
class PostCheckController {

    private static final int MAX_REASON = 500;

    private final PostChecks postChecks;
    private final ReviewCaseController cases;

    PostCheckController(PostChecks postChecks, ReviewCaseController cases) {
        this.postChecks = postChecks;
        this.cases = cases;
    }

    /**
     * Confirms the filing, or revokes its qualification; a revocation's reason is what the applicant reads. Only the
     * holder of the case's claim, or anybody while nobody holds it.
     */
    @PostMapping(path = "/api/v1/review-cases/{applicationNumber}/post-check",
            consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('REVIEWER', 'SUPERVISOR')")
    CaseView check(Caller caller, @PathVariable String applicationNumber, @RequestBody PostCheckRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        if (request.outcome() == null) {
            problems.add(new FieldProblem("outcome", "REQUIRED", "CONFIRMED or REVOKED"));
        }
        String reason = request.reason() == null ? "" : request.reason().strip();
        if (request.outcome() == PostChecks.Outcome.REVOKED && reason.isEmpty()) {
            problems.add(new FieldProblem("reason", "REQUIRED", "a revocation says why; the applicant reads it"));
        }
        if (reason.length() > MAX_REASON) {
            problems.add(new FieldProblem("reason", "TOO_LONG", "at most " + MAX_REASON + " characters"));
        }
        if (!problems.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "Invalid post-check",
                    problems.size() + " field(s) need correcting; all are listed in 'errors'", problems);
        }
        return cases.view(postChecks.check(caller, applicationNumber, request.outcome(),
                reason.isEmpty() ? "事后审核确认" : reason));
    }

    record PostCheckRequest(PostChecks.@Nullable Outcome outcome, @Nullable String reason) {
    }
}
