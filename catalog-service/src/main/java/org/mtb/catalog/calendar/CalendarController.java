package org.mtb.catalog.calendar;

import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mtb.calendar.Deadline;
import org.mtb.calendar.ScheduleEntry;
import org.mtb.catalog.calendar.RegionCalendars.RegionCalendar;
import org.mtb.catalog.region.RegionCodes;
import org.mtb.support.web.FieldProblem;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/regions/{regionCode}", produces = MediaType.APPLICATION_JSON_VALUE)
class CalendarController {

    private static final int MAX_WORKING_DAYS = 365;
    private static final double MAX_WORKING_HOURS = 2000;

    private final RegionCalendars calendars;
    private final MeterRegistry meters;

    CalendarController(RegionCalendars calendars, MeterRegistry meters) {
        this.calendars = calendars;
        this.meters = meters;
        // Present from zero for every region, so that Prometheus' increase() sees a region's first one.
        calendars.all().forEach(c -> meters.counter("catalog.deadlines.provisional", "region", c.regionCode()));
    }

    @GetMapping("/calendar/{year}")
    CalendarViews.Calendar calendar(@PathVariable String regionCode, @PathVariable int year) {
        RegionCalendar region = region(regionCode);
        if (year < ScheduleYearValidator.FIRST_YEAR || year > ScheduleYearValidator.LAST_YEAR) {
            throw CalendarProblems.invalid(List.of(new FieldProblem("year", "OUT_OF_RANGE",
                    "must be " + ScheduleYearValidator.FIRST_YEAR + " to " + ScheduleYearValidator.LAST_YEAR)));
        }
        List<CalendarViews.Day> off = new ArrayList<>();
        List<CalendarViews.Day> worked = new ArrayList<>();
        for (ScheduleEntry entry : region.schedule().entries(year)) {
            var day = new CalendarViews.Day(entry.date(), entry.name(), entry.source());
            (entry.kind() == ScheduleEntry.Kind.OFF ? off : worked).add(day);
        }
        List<CalendarViews.Season> hours = region.hours().seasons().stream()
                .map(s -> new CalendarViews.Season(s.from(), s.periods().stream()
                        .map(p -> new CalendarViews.Period(p.start(), p.end())).toList()))
                .toList();
        return new CalendarViews.Calendar(regionCode, year, region.calendar().zone().getId(),
                !region.schedule().knowsYear(year), off, worked, hours, region.workingHoursSource(),
                region.overlaysSource());
    }

    /** {@code from} is an ISO date-time with offset, or a local date-time or date in the region's zone. */
    @GetMapping("/deadline")
    CalendarViews.Deadline deadline(@PathVariable String regionCode,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable BigDecimal workingDays,
            @RequestParam(required = false) @Nullable Double workingHours) {
        RegionCalendar region = region(regionCode);
        ZoneId zone = region.calendar().zone();
        List<FieldProblem> problems = new ArrayList<>();
        Instant start = parse(from, zone, problems);
        if ((workingDays == null) == (workingHours == null)) {
            problems.add(new FieldProblem("workingDays", "REQUIRED", "give either workingDays or workingHours"));
        } else if (workingDays != null && (workingDays.signum() <= 0
                || workingDays.compareTo(BigDecimal.valueOf(MAX_WORKING_DAYS)) > 0)) {
            problems.add(new FieldProblem("workingDays", "OUT_OF_RANGE", "must be above 0 and at most "
                    + MAX_WORKING_DAYS));
        } else if (workingDays != null && workingDays.multiply(BigDecimal.TWO).stripTrailingZeros().scale() > 0) {
            problems.add(new FieldProblem("workingDays", "INVALID_VALUE",
                    "must be a whole or half number of working days, e.g. 0.5 or 20"));
        } else if (workingHours != null && !(workingHours > 0 && workingHours <= MAX_WORKING_HOURS)) {
            problems.add(new FieldProblem("workingHours", "OUT_OF_RANGE", "must be above 0 and at most "
                    + (int) MAX_WORKING_HOURS));
        }
        if (!problems.isEmpty()) {
            throw CalendarProblems.invalid(problems);
        }
        Deadline deadline = workingDays != null
                ? region.calendar().addWorkingDays(start, workingDays)
                : region.calendar().addWorkingTime(start, Duration.ofSeconds(Math.round(workingHours * 3600)));
        if (deadline.provisional()) {
            // Tells how often deadlines are given through a year whose schedule is still to be imported.
            meters.counter("catalog.deadlines.provisional", "region", regionCode).increment();
        }
        return new CalendarViews.Deadline(regionCode, start.atZone(zone).toOffsetDateTime(), workingDays, workingHours,
                deadline.at().atZone(zone).toOffsetDateTime(), deadline.day(), deadline.provisional());
    }

    private RegionCalendar region(String regionCode) {
        RegionCodes.requireWellFormed(regionCode);
        return calendars.of(regionCode).orElseThrow(() -> CalendarProblems.regionNotFound(regionCode));
    }

    private static @Nullable Instant parse(@Nullable String from, ZoneId zone, List<FieldProblem> problems) {
        if (from == null || from.isBlank()) {
            problems.add(new FieldProblem("from", "REQUIRED", "is required"));
            return null;
        }
        try {
            return OffsetDateTime.parse(from).toInstant();
        } catch (DateTimeException notWithOffset) {
            try {
                return LocalDateTime.parse(from).atZone(zone).toInstant();
            } catch (DateTimeException notLocal) {
                try {
                    return LocalDate.parse(from).atStartOfDay(zone).toInstant();
                } catch (DateTimeException notADate) {
                    problems.add(new FieldProblem("from", "INVALID_FORMAT",
                            "must be an ISO date-time such as 2025-09-26T10:00:00+08:00, 2025-09-26T10:00 or 2025-09-26"));
                    return null;
                }
            }
        }
    }
}
