package org.mtb.catalog.calendar;

import java.util.Collection;
import java.util.List;
import org.mtb.support.web.ApiException;
import org.mtb.support.web.FieldProblem;
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

    /** A region operator importing a schedule, which serves the regions of other operators too. */
    static ApiException nationalOperatorsOnly() {
        return new ApiException(HttpStatus.FORBIDDEN, "REGION_OUT_OF_SCOPE", "National operators only",
                "A schedule serves the regions of several operators; only a national operator imports its years");
    }

    static ApiException invalidScheduleYear(List<FieldProblem> problems) {
        return new ApiException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "Invalid schedule year",
                problems.size() + " problem(s) need correcting; all are listed in 'errors'; nothing was imported",
                problems);
    }

    /** Names only the known schedules: the path segment given is not echoed back. */
    static ApiException scheduleNotFound(Collection<String> known) {
        return new ApiException(HttpStatus.NOT_FOUND, "SCHEDULE_NOT_FOUND", "Schedule not found",
                "There is no holiday schedule by that name; the schedules are " + String.join(", ", known));
    }

    static ApiException importConflict() {
        return new ApiException(HttpStatus.CONFLICT, "IMPORT_CONFLICT", "Import conflict",
                "Other imports of this year were stored at the same time; look at the year and import again if needed");
    }
}
