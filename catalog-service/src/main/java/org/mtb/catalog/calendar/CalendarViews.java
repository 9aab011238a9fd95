package org.mtb.catalog.calendar;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.util.List;

/** The answers of the calendar API. */
final class CalendarViews {

    private CalendarViews() {
    }

    record Calendar(String regionCode, int year, String timeZone, boolean provisional, List<Day> daysOff,
            List<Day> workedWeekendDays, List<Season> workingHours, String workingHoursSource,
            String overlaysSource) {
    }

    record Day(LocalDate date, String name, String source) {
    }

    record Season(MonthDay from, List<Period> periods) {
    }

    record Period(LocalTime start, LocalTime end) {
    }

    record Deadline(String regionCode, OffsetDateTime from, Integer workingDays, Double workingHours,
            OffsetDateTime dueAt, LocalDate dueDay, boolean provisional) {
    }
}
