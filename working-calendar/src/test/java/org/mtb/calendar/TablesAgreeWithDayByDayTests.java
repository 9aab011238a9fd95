package org.mtb.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 9: the tables answer every question exactly as the day-by-day walk does, deadline instant, day and
 * provisional flag alike, for every quarter hour of 2025 to 2027 (2027 has no published schedule, so deadlines
 * into it are provisional) and, in zones with daylight saving time, for moments all over a year.
 */
class TablesAgreeWithDayByDayTests {

    private static final int[] WORKING_DAYS = {1, 5, 20, 60};
    private static final String[] WORKING_DAYS_ADDED = {"+1 working day", "+5 working days", "+20 working days",
            "+60 working days"};
    private static final BigDecimal HALF = new BigDecimal("0.5");
    private static final Duration[] WORKING_TIME = {Duration.ofMinutes(30), Duration.ofHours(4), Duration.ofHours(12)};
    private static final String[] WORKING_TIME_ADDED = {"+30 min", "+4 h", "+12 h"};
    private static final int MAX_REPORTED = 20;

    static Stream<Arguments> calendars() {
        return Stream.of(
                Arguments.of("620900 (national schedule)", Calendars.jiuquan(), Calendars.jiuquanDayByDay()),
                Arguments.of("659006 (Xinjiang days, seasonal hours)", Calendars.tiemenguan(),
                        Calendars.tiemenguanDayByDay()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calendars")
    void answersEveryQuarterHourOf2025To2027AsTheDayByDayWalk(String region, WorkingDayCalendar tables,
            WorkingDayCalendar walk) {
        List<String> differences = new ArrayList<>();
        int compared = 0;
        LocalDateTime last = LocalDateTime.of(2027, 12, 31, 23, 45);
        for (LocalDateTime local = LocalDateTime.of(2025, 1, 1, 0, 0); !local.isAfter(last);
                local = local.plusMinutes(15)) {
            Instant start = local.atZone(walk.zone()).toInstant();
            compareAll(differences, tables, walk, start, true);
            compared++;
        }

        assertThat(tables.tables()).as("tables built").isNotNull();
        assertThat(compared).isEqualTo(3 * 365 * 96);
        assertThat(differences).as(region).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Europe/Berlin", "America/Sao_Paulo"})
    void answersAlikeAcrossDaylightSavingTransitions(String zoneName) {
        ZoneId zone = ZoneId.of(zoneName);
        // Periods over the night, and the weekend days on which the clocks moved worked: Berlin at 02:00 and 03:00
        // on 25 March and 28 October 2018, São Paulo at midnight (17/18 February ran to 24:00 twice, 4 November
        // started at 01:00).
        WorkingHours hours = WorkingHours.allYear(
                new WorkingHours.Period(LocalTime.MIDNIGHT, LocalTime.of(2, 30)),
                new WorkingHours.Period(LocalTime.of(9, 0), LocalTime.of(12, 0)),
                new WorkingHours.Period(LocalTime.of(22, 0), LocalTime.MAX));
        List<ScheduleEntry> entries = new ArrayList<>();
        for (String worked : List.of("2018-02-17", "2018-02-18", "2018-03-25", "2018-10-28", "2018-11-04")) {
            entries.add(new ScheduleEntry(LocalDate.parse(worked), ScheduleEntry.Kind.WORKED, "test", "test data"));
        }
        entries.add(new ScheduleEntry(LocalDate.of(2018, 3, 26), ScheduleEntry.Kind.OFF, "test", "test data"));
        HolidaySchedule schedule = HolidaySchedule.of(Set.of(2018), entries);
        WorkingDayCalendar tables = new WorkingDayCalendar(zone, schedule, hours);
        WorkingDayCalendar walk = WorkingDayCalendar.dayByDay(zone, schedule, hours);
        List<String> differences = new ArrayList<>();
        // An odd step with a fraction of a second, so that starts fall on every time of day, both sides of a jump.
        Duration step = Duration.ofSeconds(907, 250_000_000);
        Instant end = Instant.parse("2019-01-01T00:00:00Z");
        for (Instant start = Instant.parse("2018-01-01T00:00:00Z"); start.isBefore(end); start = start.plus(step)) {
            compareAll(differences, tables, walk, start, false);
        }

        assertThat(tables.tables()).as("tables built").isNotNull();
        assertThat(differences).as(zoneName).isEmpty();
    }

    private static void compareAll(List<String> differences, WorkingDayCalendar tables, WorkingDayCalendar walk,
            Instant start, boolean longDeadlines) {
        same(differences, start, "isWorkingTime", tables.isWorkingTime(start), walk.isWorkingTime(start));
        for (int i = 0; i < (longDeadlines ? WORKING_DAYS.length : 1); i++) {
            Deadline expected = walk.addWorkingDays(start, WORKING_DAYS[i]);
            same(differences, start, WORKING_DAYS_ADDED[i], tables.addWorkingDays(start, WORKING_DAYS[i]), expected);
            sameWorkingTimeUntil(differences, tables, walk, start, expected, WORKING_DAYS_ADDED[i]);
        }
        Deadline half = walk.addWorkingDays(start, HALF);
        same(differences, start, "+0.5 working day", tables.addWorkingDays(start, HALF), half);
        sameWorkingTimeUntil(differences, tables, walk, start, half, "+0.5 working day");
        for (int i = 0; i < WORKING_TIME.length; i++) {
            Deadline expected = walk.addWorkingTime(start, WORKING_TIME[i]);
            same(differences, start, WORKING_TIME_ADDED[i], tables.addWorkingTime(start, WORKING_TIME[i]), expected);
            sameWorkingTimeUntil(differences, tables, walk, start, expected, WORKING_TIME_ADDED[i]);
        }
        same(differences, start, "next working moment", tables.addWorkingTime(start, Duration.ZERO),
                walk.addWorkingTime(start, Duration.ZERO));
    }

    private static void sameWorkingTimeUntil(List<String> differences, WorkingDayCalendar tables,
            WorkingDayCalendar walk, Instant start, Deadline deadline, String added) {
        Duration expected = walk.workingTimeBetween(start, deadline.at());
        Duration looked = tables.workingTimeBetween(start, deadline.at());
        if (!looked.equals(expected)) {
            same(differences, start, "working time to " + added, looked, expected);
        }
    }

    /** Collects a few differences with what they concern, rather than stopping at the first one. */
    private static void same(List<String> differences, Instant start, String what, Object looked, Object walked) {
        if (!looked.equals(walked) && differences.size() < MAX_REPORTED) {
            differences.add("from " + start + ", " + what + ": tables " + looked + ", day by day " + walked);
        }
    }
}
