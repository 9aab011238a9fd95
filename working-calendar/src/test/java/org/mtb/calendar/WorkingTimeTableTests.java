package org.mtb.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mtb.calendar.WorkingDayCalendarTests.at;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The moments where a table lookup could part from the day-by-day walk: days off, worked weekend days, the lunch
 * break, opening and closing times, a change of season, and moments outside the tables. Each answer is checked
 * against the value it should have and against the walk.
 */
class WorkingTimeTableTests {

    private static final LocalDate MONDAY = LocalDate.of(2025, 7, 7);
    private static final LocalDate TUESDAY = LocalDate.of(2025, 7, 8);

    private final WorkingDayCalendar jiuquan = Calendars.jiuquan();
    private final WorkingDayCalendar jiuquanWalk = Calendars.jiuquanDayByDay();
    private final WorkingDayCalendar tiemenguan = Calendars.tiemenguan();
    private final WorkingDayCalendar tiemenguanWalk = Calendars.tiemenguanDayByDay();

    @Test
    void startsTheClockAfterTheNationalDayHolidays() {
        Instant nationalDay = at(LocalDate.of(2025, 10, 3), 10, 0);
        LocalDate firstWorkingDay = LocalDate.of(2025, 10, 9);

        assertThat(jiuquan.isWorkingTime(nationalDay)).isFalse();
        assertThat(jiuquan.addWorkingTime(nationalDay, Duration.ofHours(4)))
                .isEqualTo(new Deadline(at(firstWorkingDay, 14, 30), firstWorkingDay, false))
                .isEqualTo(jiuquanWalk.addWorkingTime(nationalDay, Duration.ofHours(4)));
        assertThat(jiuquan.addWorkingDays(nationalDay, 1))
                .isEqualTo(new Deadline(at(firstWorkingDay, 17, 30), firstWorkingDay, false))
                .isEqualTo(jiuquanWalk.addWorkingDays(nationalDay, 1));
    }

    @Test
    void countsAWorkedSaturdayLikeAnyWorkingDay() {
        LocalDate workedSaturday = LocalDate.of(2025, 10, 11);
        Instant afternoon = at(workedSaturday, 16, 0);
        Instant friday = at(LocalDate.of(2025, 10, 10), 15, 0);

        assertThat(jiuquan.isWorkingTime(afternoon)).isTrue();
        assertThat(jiuquan.addWorkingTime(afternoon, Duration.ofHours(4)))
                .as("1 h 30 min on Saturday, Sunday off, 2 h 30 min on Monday")
                .isEqualTo(new Deadline(at(LocalDate.of(2025, 10, 13), 11, 30), LocalDate.of(2025, 10, 13), false))
                .isEqualTo(jiuquanWalk.addWorkingTime(afternoon, Duration.ofHours(4)));
        assertThat(jiuquan.addWorkingDays(friday, 1))
                .isEqualTo(new Deadline(at(workedSaturday, 17, 30), workedSaturday, false))
                .isEqualTo(jiuquanWalk.addWorkingDays(friday, 1));
    }

    @Test
    void startsTheClockAfterTheLunchBreakWhenStartedAtNoon() {
        Instant noon = at(MONDAY, 12, 0);

        assertThat(jiuquan.isWorkingTime(noon)).isFalse();
        assertThat(jiuquan.addWorkingTime(noon, Duration.ZERO))
                .isEqualTo(new Deadline(at(MONDAY, 13, 30), MONDAY, false))
                .isEqualTo(jiuquanWalk.addWorkingTime(noon, Duration.ZERO));
        assertThat(jiuquan.addWorkingTime(noon, Duration.ofMinutes(30)))
                .isEqualTo(new Deadline(at(MONDAY, 14, 0), MONDAY, false))
                .isEqualTo(jiuquanWalk.addWorkingTime(noon, Duration.ofMinutes(30)));
        assertThat(jiuquan.addWorkingDays(noon, new BigDecimal("0.5")))
                .as("half of 7 h from 13:30")
                .isEqualTo(new Deadline(at(MONDAY, 17, 0), MONDAY, false))
                .isEqualTo(jiuquanWalk.addWorkingDays(noon, new BigDecimal("0.5")));
        assertThat(jiuquan.workingTimeBetween(noon, at(MONDAY, 13, 30))).isEqualTo(Duration.ZERO);
        assertThat(jiuquan.workingTimeBetween(at(MONDAY, 11, 0), at(MONDAY, 14, 0)))
                .isEqualTo(Duration.ofMinutes(90))
                .isEqualTo(jiuquanWalk.workingTimeBetween(at(MONDAY, 11, 0), at(MONDAY, 14, 0)));
    }

    @Test
    void endsWorkingTimeThatRunsOutAtAClosingTimeAtThatClosingTime() {
        assertThat(jiuquan.addWorkingTime(at(MONDAY, 9, 0), Duration.ofHours(3)))
                .as("not 13:30")
                .isEqualTo(new Deadline(at(MONDAY, 12, 0), MONDAY, false))
                .isEqualTo(jiuquanWalk.addWorkingTime(at(MONDAY, 9, 0), Duration.ofHours(3)));
        assertThat(jiuquan.addWorkingTime(at(MONDAY, 13, 30), Duration.ofHours(4)))
                .as("not Tuesday 09:00")
                .isEqualTo(new Deadline(at(MONDAY, 17, 30), MONDAY, false))
                .isEqualTo(jiuquanWalk.addWorkingTime(at(MONDAY, 13, 30), Duration.ofHours(4)));
    }

    @Test
    void startsTheClockTheNextMorningWhenStartedAtClosingTime() {
        Instant closing = at(MONDAY, 17, 30);

        assertThat(jiuquan.isWorkingTime(closing)).isFalse();
        assertThat(jiuquan.isWorkingTime(closing.minusNanos(1))).isTrue();
        assertThat(jiuquan.addWorkingTime(closing, Duration.ZERO))
                .isEqualTo(new Deadline(at(TUESDAY, 9, 0), TUESDAY, false))
                .isEqualTo(jiuquanWalk.addWorkingTime(closing, Duration.ZERO));
        assertThat(jiuquan.addWorkingTime(closing, Duration.ofMinutes(30)))
                .isEqualTo(new Deadline(at(TUESDAY, 9, 30), TUESDAY, false))
                .isEqualTo(jiuquanWalk.addWorkingTime(closing, Duration.ofMinutes(30)));
    }

    @Test
    void countsFromTheOpeningInstantItself() {
        Instant opening = at(MONDAY, 9, 0);

        assertThat(jiuquan.isWorkingTime(opening)).isTrue();
        assertThat(jiuquan.isWorkingTime(opening.minusNanos(1))).isFalse();
        assertThat(jiuquan.addWorkingTime(opening, Duration.ZERO))
                .isEqualTo(new Deadline(opening, MONDAY, false))
                .isEqualTo(jiuquanWalk.addWorkingTime(opening, Duration.ZERO));
        assertThat(jiuquan.addWorkingTime(opening, Duration.ofHours(7)))
                .isEqualTo(new Deadline(at(MONDAY, 17, 30), MONDAY, false))
                .isEqualTo(jiuquanWalk.addWorkingTime(opening, Duration.ofHours(7)));
        assertThat(jiuquan.addWorkingDays(opening, 1))
                .as("the day of acceptance is not counted")
                .isEqualTo(new Deadline(at(TUESDAY, 17, 30), TUESDAY, false))
                .isEqualTo(jiuquanWalk.addWorkingDays(opening, 1));
    }

    @Test
    void continuesInXinjiangsWinterHoursAfterTheNationalDayHolidays() {
        Instant lastSummerEvening = at(LocalDate.of(2025, 9, 30), 19, 0);
        LocalDate firstWinterDay = LocalDate.of(2025, 10, 9);

        assertThat(tiemenguan.addWorkingTime(lastSummerEvening, Duration.ofHours(4)))
                .as("1 h until 20:00, then 3 h from 10:00")
                .isEqualTo(new Deadline(at(firstWinterDay, 13, 0), firstWinterDay, false))
                .isEqualTo(tiemenguanWalk.addWorkingTime(lastSummerEvening, Duration.ofHours(4)));
        assertThat(tiemenguan.addWorkingDays(lastSummerEvening, 1))
                .isEqualTo(new Deadline(at(firstWinterDay, 19, 30), firstWinterDay, false))
                .isEqualTo(tiemenguanWalk.addWorkingDays(lastSummerEvening, 1));
    }

    @Test
    void marksADeadlineIntoAYearWithoutScheduleProvisional() {
        Instant december = at(LocalDate.of(2026, 12, 28), 15, 0);

        assertThat(jiuquan.addWorkingDays(december, 5))
                .isEqualTo(new Deadline(at(LocalDate.of(2027, 1, 4), 17, 30), LocalDate.of(2027, 1, 4), true))
                .isEqualTo(jiuquanWalk.addWorkingDays(december, 5));
        assertThat(jiuquan.addWorkingDays(december, 3))
                .as("ends on the last day of 2026")
                .isEqualTo(new Deadline(at(LocalDate.of(2026, 12, 31), 17, 30), LocalDate.of(2026, 12, 31), false))
                .isEqualTo(jiuquanWalk.addWorkingDays(december, 3));
    }

    @Test
    void walksDayByDayBeforeAndBeyondTheTablesAndAnswersAlike() {
        WorkingTimeTable tables = jiuquan.tables();
        Instant lateIn2028 = at(LocalDate.of(2028, 12, 20), 10, 0);
        Instant lateIn2024 = at(LocalDate.of(2024, 12, 20), 10, 0);
        Instant newYearsEve2028 = at(LocalDate.of(2028, 12, 29), 9, 0);
        Instant january2029 = at(LocalDate.of(2029, 1, 2), 12, 0);

        assertThat(jiuquanWalk.tables()).isNull();
        assertThat(tables).isNotNull();
        assertThat(tables.firstDay()).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(tables.lastDay()).isEqualTo(LocalDate.of(2028, 12, 31));
        assertThat(jiuquan.addWorkingDays(lateIn2028, 20))
                .isEqualTo(new Deadline(at(LocalDate.of(2029, 1, 17), 17, 30), LocalDate.of(2029, 1, 17), true))
                .isEqualTo(jiuquanWalk.addWorkingDays(lateIn2028, 20));
        assertThat(jiuquan.addWorkingDays(lateIn2024, 20))
                .as("元旦 2025 is off; the days of 2024 counted make it provisional")
                .isEqualTo(new Deadline(at(LocalDate.of(2025, 1, 20), 17, 30), LocalDate.of(2025, 1, 20), true))
                .isEqualTo(jiuquanWalk.addWorkingDays(lateIn2024, 20));
        assertThat(jiuquan.workingTimeBetween(newYearsEve2028, january2029))
                .as("Friday, Monday 1 January (no schedule for 2029) and Tuesday morning")
                .isEqualTo(Duration.ofHours(17))
                .isEqualTo(jiuquanWalk.workingTimeBetween(newYearsEve2028, january2029));
        assertThat(jiuquan.addWorkingTime(newYearsEve2028, Duration.ofHours(12)))
                .isEqualTo(jiuquanWalk.addWorkingTime(newYearsEve2028, Duration.ofHours(12)));
        assertThat(jiuquan.isWorkingTime(january2029.minusSeconds(60))).isTrue();
    }
}
