package org.mtb.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Properties checked for every day of 2025 and 2026, in both calendars. */
class WorkingDayPropertiesTests {

    private static final LocalDate FIRST = LocalDate.of(2025, 1, 1);
    private static final LocalDate LAST = LocalDate.of(2026, 11, 30);
    private static final List<WorkingDayCalendar> CALENDARS = List.of(Calendars.jiuquan(), Calendars.tiemenguan());

    @Test
    void aDayDeadlineIsTheNthWorkingDayAfterAcceptanceAndNoDayOffIsCounted() {
        HolidaySchedule national = Calendars.national();
        for (WorkingDayCalendar calendar : CALENDARS) {
            for (LocalDate day = FIRST; !day.isAfter(LAST); day = day.plusDays(1)) {
                for (int n : new int[] {1, 5, 20}) {
                    Deadline deadline = calendar.addWorkingDays(WorkingDayCalendarTests.at(day, 11, 0), n);
                    assertThat(calendar.isWorkingDay(deadline.day())).as("%s + %d", day, n).isTrue();
                    assertThat(national.entry(deadline.day()).map(e -> e.kind() == ScheduleEntry.Kind.OFF))
                            .as("%s + %d", day, n).isNotEqualTo(java.util.Optional.of(true));
                    long counted = day.plusDays(1).datesUntil(deadline.day().plusDays(1))
                            .filter(calendar::isWorkingDay).count();
                    assertThat(counted).as("%s + %d", day, n).isEqualTo(n);
                }
            }
        }
    }

    @Test
    void workingTimeAddedIsWorkingTimeCountedBackAndEndsInsideWorkingHours() {
        List<Duration> amounts = List.of(Duration.ofMinutes(1), Duration.ofMinutes(230), Duration.ofHours(4),
                Duration.ofHours(7), Duration.ofHours(37));
        for (WorkingDayCalendar calendar : CALENDARS) {
            for (LocalDate day = FIRST; !day.isAfter(LAST); day = day.plusDays(1)) {
                for (int hour : new int[] {0, 9, 13, 15, 19, 23}) {
                    Instant from = WorkingDayCalendarTests.at(day, hour, 17);
                    for (Duration amount : amounts) {
                        Deadline deadline = calendar.addWorkingTime(from, amount);
                        assertThat(calendar.workingTimeBetween(from, deadline.at())).as("%s + %s", from, amount)
                                .isEqualTo(amount);
                        Instant justBefore = deadline.at().minusSeconds(1);
                        assertThat(calendar.isWorkingTime(justBefore)).as("%s + %s", from, amount).isTrue();
                    }
                }
            }
        }
    }
}
