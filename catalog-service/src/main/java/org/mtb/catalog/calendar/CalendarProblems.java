package org.mtb.catalog.calendar;

import java.util.List;
import org.mtb.catalog.web.ApiException;
import org.mtb.catalog.web.FieldProblem;
import org.springframework.http.HttpStatus;

/** The refusals of the calendar feature, each with its stable code. */
final class CalendarProblems {

    private CalendarProblems() {
    }

    static ApiException regionNotFound(String regionCode) {
        return new ApiException(HttpStatus.NOT_FOUND, "REGION_NOT_FOUND", "Region not found",
                "There is no working calendar for region " + regionCode);
    }

    static ApiException invalid(List<FieldProblem> problems) {
        return new ApiException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "Invalid request",
                problems.size() + " parameter(s) need correcting; all are listed in 'errors'", problems);
    }
}
