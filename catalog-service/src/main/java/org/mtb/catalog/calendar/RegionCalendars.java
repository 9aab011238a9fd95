package org.mtb.catalog.calendar;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.mtb.calendar.HolidaySchedule;
import org.mtb.calendar.ScheduleEntry;
import org.mtb.calendar.WorkingDayCalendar;
import org.mtb.calendar.WorkingHours;
import org.mtb.catalog.calendar.CalendarSetup.RegionSetup;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every region's calendar: built from {@code catalog/calendars.json} and the shipped schedule files when created,
 * and rebuilt with the imported schedule years by {@link CalendarLoader}. An imported year takes the place of a
 * shipped year of the same schedule, so an operator can correct a shipped year too.
 */
@Component
class RegionCalendars {

    /** A region's calendar with the sources of its settings, for the API to show. */
    record RegionCalendar(String regionCode, WorkingDayCalendar calendar, HolidaySchedule schedule,
            WorkingHours hours, String workingHoursSource, @Nullable String overlaysSource) {
    }

    private final CalendarSetup setup;
    // Replaced as a whole, so a request sees either the calendars before an import or after it.
    private volatile Map<String, RegionCalendar> calendars;

    RegionCalendars(JsonMapper json) {
        this.setup = CalendarSetup.load(json);
        this.calendars = build(List.of());
    }

    Optional<RegionCalendar> of(String regionCode) {
        return Optional.ofNullable(calendars.get(regionCode));
    }

    /** In region code order. */
    Collection<RegionCalendar> all() {
        return calendars.values();
    }

    boolean hasSchedule(String name) {
        return setup.hasSchedule(name);
    }

    Set<String> scheduleNames() {
        return setup.scheduleNames();
    }

    List<String> regionsUsing(String schedule) {
        return setup.regionsUsing(schedule);
    }

    /** Rebuilds every region's calendar from the shipped schedules and {@code imported}. */
    void rebuild(Collection<ScheduleYear> imported) {
        calendars = build(imported);
    }

    private Map<String, RegionCalendar> build(Collection<ScheduleYear> imported) {
        Map<String, HolidaySchedule> schedules = new TreeMap<>();
        for (String name : setup.scheduleNames()) {
            schedules.put(name, merged(name, setup.shipped(name), imported));
        }
        Map<String, RegionCalendar> built = new TreeMap<>();
        for (RegionSetup region : setup.regions()) {
            HolidaySchedule schedule = schedules.get(CalendarSetup.NATIONAL);
            for (String overlay : region.overlays()) {
                schedule = schedule.withOverlay(schedules.get(overlay));
            }
            built.put(region.regionCode(), new RegionCalendar(region.regionCode(),
                    new WorkingDayCalendar(region.zone(), schedule, region.hours()), schedule, region.hours(),
                    region.workingHoursSource(), region.overlaysSource()));
        }
        return Collections.unmodifiableMap(built);
    }

    private static HolidaySchedule merged(String name, HolidaySchedule shipped, Collection<ScheduleYear> imported) {
        Map<Integer, List<ScheduleEntry>> byYear = new TreeMap<>();
        for (int year : shipped.years()) {
            byYear.put(year, shipped.entries(year));
        }
        for (ScheduleYear year : imported) {
            if (year.schedule().equals(name)) {
                byYear.put(year.year(), year.entries());
            }
        }
        return HolidaySchedule.of(byYear.keySet(), byYear.values().stream().flatMap(List::stream).toList());
    }
}
