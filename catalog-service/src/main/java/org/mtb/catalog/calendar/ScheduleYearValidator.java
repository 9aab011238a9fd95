package org.mtb.catalog.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.mtb.calendar.ScheduleEntry;
import org.mtb.support.web.FieldProblem;

/**
 * The rules of a schedule year import, all checked at once: every date inside the year, no date twice, a worked
 * day (调休) only on a Saturday or Sunday (a day off may fall on any day), a name for every day and a source.
 */
final class ScheduleYearValidator {

    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;
    private static final int MAX_SOURCE = 1000;
    private static final int MAX_NAME = 200;
    private static final int MAX_DAYS = 366;

    /** The entries in date order, each with its source; to be used only when there are no problems. */
    record Checked(@Nullable String source, @Nullable String importedBy, List<ScheduleEntry> entries,
            List<FieldProblem> problems) {
    }

    private ScheduleYearValidator() {
    }

    /** The checked request; {@code importedBy} is the operator the access token names, never a body field. */
    static Checked check(int year, ScheduleYearRequest request, String importedBy) {
        List<FieldProblem> problems = new ArrayList<>();
        boolean yearInRange = year >= FIRST_YEAR && year <= LAST_YEAR;
        if (!yearInRange) {
            problems.add(new FieldProblem("year", "OUT_OF_RANGE", "must be " + FIRST_YEAR + " to " + LAST_YEAR));
        }
        String source = required(request.source(), "source", MAX_SOURCE, problems);
        if (request.importedBy() != null) {
            problems.add(new FieldProblem("importedBy", "NOT_ACCEPTED",
                    "the operator is the subject of the access token; leave it out"));
        }
        List<ScheduleEntry> entries = new ArrayList<>();
        List<ScheduleYearRequest.@Nullable Day> days = request.days();
        if (days == null || days.isEmpty()) {
            problems.add(new FieldProblem("days", "REQUIRED", "list at least one day off or worked weekend day"));
        } else if (days.size() > MAX_DAYS) {
            problems.add(new FieldProblem("days", "TOO_LONG", "at most " + MAX_DAYS + " entries"));
        } else {
            Map<LocalDate, Integer> listedIn = new HashMap<>();
            for (int i = 0; i < days.size(); i++) {
                entries.addAll(day(yearInRange ? year : null, i, days.get(i), source, listedIn, problems));
            }
        }
        entries.sort(Comparator.comparing(ScheduleEntry::date));
        return new Checked(source, importedBy, List.copyOf(entries), List.copyOf(problems));
    }

    private static List<ScheduleEntry> day(@Nullable Integer year, int index, ScheduleYearRequest.@Nullable Day day,
            @Nullable String source, Map<LocalDate, Integer> listedIn, List<FieldProblem> problems) {
        String at = "days[" + index + "]";
        if (day == null) {
            problems.add(new FieldProblem(at, "REQUIRED", "must be a day"));
            return List.of();
        }
        List<LocalDate> dates = dates(year, at, day, problems);
        ScheduleEntry.Kind kind = kind(at + ".kind", day.kind(), problems);
        String name = required(day.name(), at + ".name", MAX_NAME, problems);
        String daySource = day.source() == null || day.source().isBlank() ? source
                : required(day.source(), at + ".source", MAX_SOURCE, problems);
        String dateField = day.date() != null ? at + ".date" : at + ".dateFrom";
        for (LocalDate date : dates) {
            Integer earlier = listedIn.putIfAbsent(date, index);
            if (earlier != null) {
                problems.add(new FieldProblem(dateField, "DUPLICATE_DATE", date + " is also listed in days[" + earlier
                        + "]"));
                break;
            }
        }
        if (kind == ScheduleEntry.Kind.WORKED) {
            dates.stream().filter(date -> !isWeekend(date)).findFirst().ifPresent(date -> problems.add(
                    new FieldProblem(at + ".kind", "NOT_A_WEEKEND_DAY", "WORKED marks a Saturday or Sunday that is "
                            + "worked (调休); " + date + " is a " + date.getDayOfWeek().getDisplayName(TextStyle.FULL,
                                    Locale.ENGLISH))));
        }
        if (kind == null || name == null || daySource == null) {
            return List.of();
        }
        return dates.stream().map(date -> new ScheduleEntry(date, kind, name, daySource)).toList();
    }

    private static List<LocalDate> dates(@Nullable Integer year, String at, ScheduleYearRequest.Day day,
            List<FieldProblem> problems) {
        if (day.date() != null) {
            if (day.dateFrom() != null || day.dateTo() != null) {
                problems.add(new FieldProblem(at + ".date", "INVALID_VALUE", "give either date or dateFrom and dateTo"));
                return List.of();
            }
            LocalDate date = date(year, at + ".date", day.date(), problems);
            return date == null ? List.of() : List.of(date);
        }
        if (day.dateFrom() == null && day.dateTo() == null) {
            problems.add(new FieldProblem(at + ".date", "REQUIRED", "give date, or dateFrom and dateTo"));
            return List.of();
        }
        LocalDate from = date(year, at + ".dateFrom", day.dateFrom(), problems);
        LocalDate to = date(year, at + ".dateTo", day.dateTo(), problems);
        if (from == null || to == null) {
            return List.of();
        }
        if (to.isBefore(from)) {
            problems.add(new FieldProblem(at + ".dateTo", "INVALID_VALUE", "must not be before dateFrom"));
            return List.of();
        }
        return from.datesUntil(to.plusDays(1)).toList();
    }

    /** @param year null when the year itself is out of range, so that not every date is reported as well */
    private static @Nullable LocalDate date(@Nullable Integer year, String field, @Nullable String text,
            List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            problems.add(new FieldProblem(field, "REQUIRED", "is required"));
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "INVALID_FORMAT", "must be an ISO date such as 2027-01-01"));
            return null;
        }
        if (year != null && date.getYear() != year) {
            problems.add(new FieldProblem(field, "OUT_OF_RANGE", "must lie in " + year));
            return null;
        }
        return date;
    }

    private static ScheduleEntry.@Nullable Kind kind(String field, @Nullable String text, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            problems.add(new FieldProblem(field, "REQUIRED", "is required: OFF or WORKED"));
            return null;
        }
        try {
            return ScheduleEntry.Kind.valueOf(text.strip());
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(field, "INVALID_VALUE", "allowed: OFF, WORKED"));
            return null;
        }
    }

    private static @Nullable String required(@Nullable String text, String field, int maxLength,
            List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            problems.add(new FieldProblem(field, "REQUIRED", "is required"));
            return null;
        }
        String stripped = text.strip();
        if (stripped.length() > maxLength) {
            problems.add(new FieldProblem(field, "TOO_LONG", "must be at most " + maxLength + " characters"));
            return null;
        }
        return stripped;
    }

    private static boolean isWeekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
