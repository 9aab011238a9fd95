package org.mtb.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkingDayCalendarTests {

    private final WorkingDayCalendar jiuquan = Calendars.jiuquan();
    private final WorkingDayCalendar tiemenguan = Calendars.tiemenguan();

    @ParameterizedTest(name = "accepted {0}, {1} working days: due {2}")
    @CsvSource({
        "2025-09-26, 20, 2025-10-30",
        "2026-09-18, 20, 2026-10-22",
        "2026-02-13, 20, 2026-03-19"
    })
    void meetsTheWorkedExamples(LocalDate accepted, int workingDays, LocalDate due) {
        Deadline deadline = jiuquan.addWorkingDays(at(accepted, 15, 0), workingDays);

        assertThat(deadline.day()).isEqualTo(due);
        assertThat(deadline.at()).isEqualTo(at(due, 17, 30));
        assertThat(deadline.provisional()).isFalse();
    }

    @ParameterizedTest(name = "accepted {0} {1}:00, {2} working days: due {3}")
    @CsvSource({
        // Half of 09:00-12:00 and 13:30-17:30 is 3 h 30 min: from the next morning's 09:00, 14:00.
        "2026-11-30, 21, 0.5, 2026-12-01T14:00",
        // In the morning: 10:00 + 3 h 30 min, over lunch, is 15:00 the same day.
        "2026-11-30, 10, 0.5, 2026-11-30T15:00",
        // One whole working day is counted from the next one: it ends Tuesday 17:30; the half day after, Wednesday 14:00.
        "2026-11-30, 10, 1.5, 2026-12-02T14:00",
        "2025-09-26, 15, 20, 2025-10-30T17:30"
    })
    void addsWholeAndHalfWorkingDays(LocalDate accepted, int hour, java.math.BigDecimal workingDays,
            LocalDateTime due) {
        Deadline deadline = jiuquan.addWorkingDays(at(accepted, hour, 0), workingDays);

        assertThat(deadline.at()).isEqualTo(due.atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant());
        assertThat(deadline.provisional()).isFalse();
    }

    @Test
    void countsWorkedWeekendDaysAndSkipsStatutoryDaysOff() {
        assertThat(jiuquan.isWorkingDay(LocalDate.of(2025, 9, 28))).as("Sunday, 调休").isTrue();
        assertThat(jiuquan.isWorkingDay(LocalDate.of(2025, 10, 8))).as("Wednesday, 国庆").isFalse();
        assertThat(jiuquan.isWorkingDay(LocalDate.of(2026, 2, 14))).as("Saturday, 调休").isTrue();
        assertThat(jiuquan.isWorkingDay(LocalDate.of(2026, 2, 21))).as("Saturday, 春节").isFalse();
    }

    @Test
    void addsXinjiangsRegionalHolidaysOnlyWhereTheRegionKeepsThem() {
        LocalDate eidAlFitr2025 = LocalDate.of(2025, 3, 31);

        assertThat(jiuquan.isWorkingDay(eidAlFitr2025)).isTrue();
        assertThat(tiemenguan.isWorkingDay(eidAlFitr2025)).isFalse();
    }

    @Test
    void halfAWorkingDayInXinjiangSummerCrossesTheMiddayBreak() {
        Instant start = at(LocalDate.of(2025, 7, 2), 13, 50);

        Deadline deadline = tiemenguan.addWorkingDayFraction(start, 0.5);

        assertThat(deadline.at()).isEqualTo(at(LocalDate.of(2025, 7, 2), 19, 50));
    }

    @Test
    void startsTheClockAtTheNextWorkingMomentOutsideWorkingTime() {
        Instant fridayEvening = at(LocalDate.of(2025, 9, 26), 21, 0);

        Deadline deadline = jiuquan.addWorkingTime(fridayEvening, Duration.ofMinutes(30));

        assertThat(deadline.at()).as("Sunday 28 September is a worked day").isEqualTo(at(LocalDate.of(2025, 9, 28), 9, 30));
    }

    @Test
    void marksDeadlinesThroughAYearWithoutScheduleProvisional() {
        Deadline deadline = jiuquan.addWorkingDays(at(LocalDate.of(2026, 12, 20), 10, 0), 20);

        assertThat(deadline.provisional()).isTrue();
        assertThat(jiuquan.isWorkingDay(LocalDate.of(2027, 1, 1))).as("unknown year: weekdays only").isTrue();
    }

    @Test
    void isWorkingTimeOnlyInsideThePeriodsOfAWorkingDay() {
        LocalDate monday = LocalDate.of(2025, 7, 7);

        assertThat(tiemenguan.isWorkingTime(at(monday, 10, 0))).isTrue();
        assertThat(tiemenguan.isWorkingTime(at(monday, 14, 0))).isFalse();
        assertThat(tiemenguan.isWorkingTime(at(monday, 15, 45))).as("summer: afternoon from 16:00").isFalse();
        assertThat(tiemenguan.isWorkingTime(at(LocalDate.of(2025, 11, 3), 15, 45))).as("winter: from 15:30").isTrue();
        assertThat(tiemenguan.isWorkingTime(at(LocalDate.of(2025, 7, 5), 11, 0))).as("Saturday").isFalse();
    }

    static Instant at(LocalDate day, int hour, int minute) {
        return LocalDateTime.of(day, LocalTime.of(hour, minute)).atZone(Calendars.SHANGHAI).toInstant();
    }
}
