package org.mtb.catalog.region;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mtb.contracts.catalog.Period;
import org.mtb.support.web.FieldProblem;

/**
 * The field codes of a region version's problems, and the small checks every part of its validation shares.
 * A problem names the JSON path of the field ({@code policy.materials[2].formats[0]}) so that the same list
 * serves the file loader's log and the import endpoint's {@code errors}.
 */
final class FieldChecks {

    static final String REQUIRED = "REQUIRED";
    static final String INVALID_FORMAT = "INVALID_FORMAT";
    static final String INVALID_VALUE = "INVALID_VALUE";
    static final String OUT_OF_RANGE = "OUT_OF_RANGE";
    static final String DUPLICATE = "DUPLICATE";
    /** The field contradicts another field of the version, or the request path. */
    static final String INCONSISTENT = "INCONSISTENT";
    static final String INSURANCE_TYPE_NOT_ACCEPTED = "INSURANCE_TYPE_NOT_ACCEPTED";
    /** An imported version would take effect before today. */
    static final String IN_THE_PAST = "IN_THE_PAST";
    /** Chinese hospitals are graded 1 to 3 (一级, 二级, 三级). */
    static final int HIGHEST_HOSPITAL_LEVEL = 3;

    private FieldChecks() {
    }

    static boolean isBlank(@Nullable String value) {
        return value == null || value.isBlank();
    }

    static FieldProblem missing(String field) {
        return new FieldProblem(field, REQUIRED, "is missing");
    }

    static void required(List<FieldProblem> problems, String field, @Nullable String value) {
        if (isBlank(value)) {
            problems.add(missing(field));
        }
    }

    static void present(List<FieldProblem> problems, String field, @Nullable Object value) {
        if (value == null) {
            problems.add(missing(field));
        }
    }

    static void period(List<FieldProblem> problems, String field, Period period) {
        if (period.amount() < 1) {
            problems.add(new FieldProblem(field + ".amount", OUT_OF_RANGE, "must be at least 1"));
        }
        if (period.unit() == null) {
            problems.add(missing(field + ".unit"));
        }
    }

    /** A hospital level where one is given: 1 to {@link #HIGHEST_HOSPITAL_LEVEL}. */
    static void hospitalLevel(List<FieldProblem> problems, String field, @Nullable Integer level) {
        if (level != null && (level < 1 || level > HIGHEST_HOSPITAL_LEVEL)) {
            problems.add(new FieldProblem(field, OUT_OF_RANGE, "must be 1 to " + HIGHEST_HOSPITAL_LEVEL));
        }
    }

    /** One line of the file loader's report: the field, then what is wrong with it. */
    static String text(FieldProblem problem) {
        return problem.field() + " " + problem.message();
    }
}
