package org.mtb.review.reviewcase;

import org.jspecify.annotations.Nullable;
import org.mtb.support.security.Caller;
import org.mtb.support.web.FieldProblem;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The reviewer's claim on a case: claim (and renew), release, and a supervisor's assignment. Each answers the case as
 * it now stands, its {@code claim} included.
 */
@RestController
@RequestMapping(path = "/api/v1/review-cases/{applicationNumber}/claim", produces = MediaType.APPLICATION_JSON_VALUE)
class CaseClaimController {

    private static final int MAX_USERNAME = 100;

    private final CaseClaims claims;
    private final ReviewCaseController cases;

    CaseClaimController(CaseClaims claims, ReviewCaseController cases) {
        this.claims = claims;
        this.cases = cases;
    }

    /** Claims the case for the caller, or renews the caller's lease; 409 {@code CASE_CLAIMED} while another holds it. */
    @PostMapping
    @PreAuthorize("hasAnyRole('REVIEWER', 'SUPERVISOR')")
    CaseView claim(Caller caller, @PathVariable String applicationNumber) {
        return cases.view(claims.claim(caller, applicationNumber));
    }

    /** Gives the claim up; the holder, or a supervisor of the region. */
    @DeleteMapping
    @PreAuthorize("hasAnyRole('REVIEWER', 'SUPERVISOR')")
    CaseView release(Caller caller, @PathVariable String applicationNumber) {
        return cases.view(claims.release(caller, applicationNumber));
    }

    /** A supervisor assigns the case to a reviewer by user name, with a fresh lease, whoever held it. */
    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('SUPERVISOR')")
    CaseView assign(Caller caller, @PathVariable String applicationNumber, @RequestBody AssignmentRequest request) {
        String reviewer = request.reviewer() == null ? "" : request.reviewer().strip();
        if (reviewer.isEmpty() || reviewer.length() > MAX_USERNAME) {
            throw CaseProblems.invalidAssignment(new FieldProblem("reviewer", "REQUIRED",
                    "the user name of the reviewer, 1 to " + MAX_USERNAME + " characters"));
        }
        return cases.view(claims.assign(caller, applicationNumber, reviewer));
    }

    /** @param reviewer the user name of the reviewer who gets the case */
    record AssignmentRequest(@Nullable String reviewer) {
    }
}
