package org.mtb.support.web;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The fields of a request's body Jackson could not take, gathered by {@link BodyTypeProblems}; its cause, where there
 * is one, is the failure that ended the read before the body's end.
 */
final class BodyFieldProblems extends RuntimeException {

    private final transient List<FieldProblem> problems;

    BodyFieldProblems(List<FieldProblem> problems, @Nullable Throwable stoppedBy) {
        super(problems.size() + " field(s) of the body could not be read", stoppedBy, false, false);
        this.problems = List.copyOf(problems);
    }

    List<FieldProblem> problems() {
        return problems;
    }
}
