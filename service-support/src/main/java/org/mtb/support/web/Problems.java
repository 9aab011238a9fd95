package org.mtb.support.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds problem details the same way everywhere: a type URI derived from the code, and the code itself. */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String code, String title, String detail, List<FieldProblem> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("/problems/" + code.toLowerCase(Locale.ROOT).replace('_', '-')));
        problem.setTitle(title);
        // An occurrence id rather than the request path: a mistyped path may hold an ID number or a phone.
        problem.setInstance(URI.create("urn:uuid:" + UUID.randomUUID()));
        problem.setProperty("code", code);
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return problem;
    }

    /** The problem of a refusal: its status, code, title, detail, field problems and further members. */
    public static ProblemDetail of(ApiException refusal) {
        ProblemDetail problem = of(refusal.status(), refusal.code(), refusal.title(), refusal.getMessage(),
                refusal.fieldProblems());
        refusal.properties().forEach(problem::setProperty);
        return problem;
    }
}
