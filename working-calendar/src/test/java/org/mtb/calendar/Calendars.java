package org.mtb.calendar;

import java.io.InputStream;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.List;

/** The shipped schedules, and the working hours the issue names, for tests. */
final class Calendars {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    static final WorkingHours DEFAULT_HOURS = WorkingHours.allYear(
            new WorkingHours.Period(LocalTime.of(9, 0), LocalTime.of(12, 0)),
            new WorkingHours.Period(LocalTime.of(13, 30), LocalTime.of(17, 30)));

    /** Seed 003's service hours: summer from 1 May, winter from 1 October. */
    static final WorkingHours XINJIANG_HOURS = new WorkingHours(List.of(
            new WorkingHours.Season(MonthDay.of(5, 1), List.of(
                    new WorkingHours.Period(LocalTime.of(10, 0), LocalTime.of(14, 0)),
                    new WorkingHours.Period(LocalTime.of(16, 0), LocalTime.of(20, 0)))),
            new WorkingHours.Season(MonthDay.of(10, 1), List.of(
                    new WorkingHours.Period(LocalTime.of(10, 0), LocalTime.of(14, 0)),
                    new WorkingHours.Period(LocalTime.of(15, 30), LocalTime.of(19, 30))))));

    private Calendars() {
    }

    static HolidaySchedule national() {
        return read("national-holidays.csv");
    }

    static WorkingDayCalendar jiuquan() {
        return new WorkingDayCalendar(SHANGHAI, national(), DEFAULT_HOURS);
    }

    /** Jiuquan's calendar without tables: the day-by-day walk the tables must agree with. */
    static WorkingDayCalendar jiuquanDayByDay() {
        return WorkingDayCalendar.dayByDay(SHANGHAI, national(), DEFAULT_HOURS);
    }

    /** Region 659006: the national schedule with Xinjiang's regional days, and seasonal hours. */
    static WorkingDayCalendar tiemenguan() {
        return new WorkingDayCalendar(SHANGHAI, xinjiang(), XINJIANG_HOURS);
    }

    static WorkingDayCalendar tiemenguanDayByDay() {
        return WorkingDayCalendar.dayByDay(SHANGHAI, xinjiang(), XINJIANG_HOURS);
    }

    private static HolidaySchedule xinjiang() {
        return national().withOverlay(read("xinjiang-regional-holidays.csv"));
    }

    static HolidaySchedule read(String name) {
        try (InputStream in = WorkingDayCalendar.class.getResourceAsStream(name)) {
            return ScheduleFile.read(in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
