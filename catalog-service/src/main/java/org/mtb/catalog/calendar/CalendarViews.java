package org.mtb.catalog.calendar;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The answers of the calendar API. */
final class CalendarViews {

    private CalendarViews() {
    }

    record Calendar(String regionCode, int year, String timeZone, boolean provisional, List<Day> daysOff,
            List<Day> workedWeekendDays, List<Season> workingHours, String workingHoursSource,
            @Nullable String overlaysSource) {
    }

    record Day(LocalDate date, String name, String source) {
    }

    record Season(MonthDay from, List<Period> periods) {
    }

    record Period(LocalTime start, LocalTime end) {
    }

    record Deadline(String regionCode, OffsetDateTime from, @Nullable BigDecimal workingDays,
            @Nullable Double workingHours, OffsetDateTime dueAt, LocalDate dueDay, boolean provisional) {
    }

    /**
     * An imported schedule year and what it did to the regions using it.
     *
     * @param changed false when the same content was imported before, so nothing was stored again
     * @param earlierImports how many imports of this year with other content it replaced
     */
    record ImportedYear(String schedule, int year, String source, String importedBy, Instant importedAt,
            boolean changed, int earlierImports, List<Day> daysOff, List<Day> workedWeekendDays,
            List<RegionRevision> regions) {
    }

    /**
     * @param revision of the region's calendar now, as published in {@code CalendarPublished}
     * @param provisional whether the year is still counted by weekends alone in this region: an overlay year
     *        applies only once the national schedule of that year is known
     */
    record RegionRevision(String regionCode, long revision, boolean provisional) {
    }
}
