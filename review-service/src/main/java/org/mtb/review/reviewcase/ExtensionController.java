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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Requests to extend a deadline, by a reviewer, and a supervisor's answer. */
@RestController
@RequestMapping(path = "/api/v1/review-cases/{applicationNumber}/extension-requests",
        produces = MediaType.APPLICATION_JSON_VALUE)
class ExtensionController {

    private static final int MAX_TEXT = 500;

    private final Extensions extensions;
    private final ReviewCaseController cases;

    ExtensionController(Extensions extensions, ReviewCaseController cases) {
        this.extensions = extensions;
        this.cases = cases;
    }

    /** Asks for an extension of an open case's deadline, with the reason the applicant will read if it is approved. */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('REVIEWER', 'SUPERVISOR')")
    CaseView request(Caller caller, @PathVariable String applicationNumber, @RequestBody Request request) {
        return cases.view(extensions.request(caller, applicationNumber, text("reason", request.reason(), List.of())));
    }

    /** A supervisor approves (the deadline moves by the policy's extension) or refuses a request. */
    @PostMapping(path = "/{number}/decision", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('SUPERVISOR')")
    CaseView decide(Caller caller, @PathVariable String applicationNumber, @PathVariable int number,
            @RequestBody Answer answer) {
        List<FieldProblem> problems = new ArrayList<>();
        if (answer.approved() == null) {
            problems.add(new FieldProblem("approved", "REQUIRED", "true to approve, false to refuse"));
        }
        String text = text("reason", answer.reason(), problems);
        return cases.view(extensions.decide(caller, applicationNumber, number, answer.approved(), text));
    }

    private static String text(String field, @Nullable String value, List<FieldProblem> problems) {
        List<FieldProblem> all = new ArrayList<>(problems);
        String text = value == null ? "" : value.strip();
        if (text.isEmpty() || text.length() > MAX_TEXT) {
            all.add(new FieldProblem(field, "REQUIRED", "1 to " + MAX_TEXT + " characters"));
        }
        if (!all.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "Invalid extension",
                    all.size() + " field(s) need correcting; all are listed in 'errors'", all);
        }
        return text;
    }

    record Request(@Nullable String reason) {
    }

    /** @param reason why, for the record */
    record Answer(@Nullable Boolean approved, @Nullable String reason) {
    }
}
