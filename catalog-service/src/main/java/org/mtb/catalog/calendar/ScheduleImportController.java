package org.mtb.catalog.calendar;

import java.util.ArrayList;
import java.util.List;
import org.mtb.calendar.ScheduleEntry;
import org.mtb.catalog.calendar.RegionCalendars.RegionCalendar;
import org.mtb.support.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators import a year of a schedule once it is published, e.g. the State Council's notice for next year:
 * {@code PUT /api/v1/calendars/national/years/2027}. Answers 201 for a year not imported before, 200 otherwise.
 */
@RestController
@RequestMapping(path = "/api/v1/calendars/{schedule}/years/{year}", produces = MediaType.APPLICATION_JSON_VALUE)
class ScheduleImportController {

    private final ScheduleImports imports;
    private final RegionCalendars calendars;

    ScheduleImportController(ScheduleImports imports, RegionCalendars calendars) {
        this.imports = imports;
        this.calendars = calendars;
    }

    /** A schedule serves regions of several operators, so only a national operator imports one. */
    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('OPERATOR')")
    ResponseEntity<CalendarViews.ImportedYear> importYear(Caller caller, @PathVariable String schedule,
            @PathVariable int year, @RequestBody ScheduleYearRequest request) {
        if (!caller.isNational()) {
            throw CalendarProblems.nationalOperatorsOnly();
        }
        ScheduleImports.Outcome outcome = imports.importYear(schedule, year, request, caller.subject());
        return ResponseEntity.status(outcome.created() ? HttpStatus.CREATED : HttpStatus.OK).body(view(outcome));
    }

    private CalendarViews.ImportedYear view(ScheduleImports.Outcome outcome) {
        ScheduleYear stored = outcome.year();
        List<CalendarViews.Day> off = new ArrayList<>();
        List<CalendarViews.Day> worked = new ArrayList<>();
        for (ScheduleEntry entry : stored.entries()) {
            var day = new CalendarViews.Day(entry.date(), entry.name(), entry.source());
            (entry.kind() == ScheduleEntry.Kind.OFF ? off : worked).add(day);
        }
        List<CalendarViews.RegionRevision> regions = outcome.revisions().entrySet().stream()
                .map(region -> new CalendarViews.RegionRevision(region.getKey(), region.getValue(),
                        calendars.of(region.getKey()).map(RegionCalendar::schedule)
                                .map(schedule -> !schedule.knowsYear(stored.year())).orElse(true)))
                .toList();
        int earlierImports = stored.earlier() != null ? stored.earlier().size() : 0;
        return new CalendarViews.ImportedYear(stored.schedule(), stored.year(), stored.source(), stored.importedBy(),
                stored.importedAt(), outcome.changed(), earlierImports, off, worked, regions);
    }
}
