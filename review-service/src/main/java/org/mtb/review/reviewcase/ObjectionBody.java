package org.mtb.review.reviewcase;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mtb.support.web.FieldProblem;

/**
 * An objection to an approval in public notice (公示期间异议): who objects, how to reach them, and what they object
 * to. All three are kept sealed; the applicant is told only that an objection was raised.
 */
record ObjectionBody(@Nullable String objectorName, @Nullable String contact, @Nullable String statement) {

    static final int MAX_NAME = 50;
    static final int MAX_CONTACT = 100;
    static final int MAX_STATEMENT = 2000;

    List<FieldProblem> problems() {
        List<FieldProblem> problems = new ArrayList<>();
        check(problems, "objectorName", objectorName, MAX_NAME);
        check(problems, "contact", contact, MAX_CONTACT);
        check(problems, "statement", statement, MAX_STATEMENT);
        return problems;
    }

    private static void check(List<FieldProblem> problems, String field, @Nullable String value, int max) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "REQUIRED", "must not be empty"));
        } else if (value.strip().length() > max) {
            problems.add(new FieldProblem(field, "TOO_LONG", "must be at most " + max + " characters"));
        }
    }
}
