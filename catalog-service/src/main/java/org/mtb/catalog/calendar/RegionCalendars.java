package org.mtb.catalog.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mtb.calendar.HolidaySchedule;
import org.mtb.calendar.ScheduleFile;
import org.mtb.calendar.WorkingDayCalendar;
import org.mtb.calendar.WorkingHours;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Builds every region's calendar once at start from {@code catalog/calendars.json} and the schedule files. */
@Component
class RegionCalendars {

    private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MM-dd");

    /** A region's calendar with the sources of its settings, for the API to show. */
    record RegionCalendar(WorkingDayCalendar calendar, HolidaySchedule schedule, WorkingHours hours,
            String workingHoursSource, String overlaysSource) {
    }

    private final Map<String, RegionCalendar> calendars = new HashMap<>();

    RegionCalendars(JsonMapper json) {
        CalendarFile file;
        try (InputStream in = new ClassPathResource("catalog/calendars.json").getInputStream()) {
            file = json.readValue(in, CalendarFile.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        HolidaySchedule national = schedule(file.nationalSchedule());
        file.regions().forEach((code, entry) -> {
            HolidaySchedule schedule = national;
            for (String overlay : entry.overlays()) {
                schedule = schedule.withOverlay(schedule(overlay));
            }
            CalendarFile.Hours hours = entry.workingHours() != null ? entry.workingHours() : file.defaultWorkingHours();
            WorkingHours workingHours = workingHours(hours);
            calendars.put(code, new RegionCalendar(
                    new WorkingDayCalendar(ZoneId.of(entry.timeZone()), schedule, workingHours), schedule,
                    workingHours, hours.source(), entry.overlaysSource()));
        });
    }

    Optional<RegionCalendar> of(String regionCode) {
        return Optional.ofNullable(calendars.get(regionCode));
    }

    private static HolidaySchedule schedule(String name) {
        try (InputStream in = WorkingDayCalendar.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("No holiday schedule " + name + " in org/mtb/calendar");
            }
            return ScheduleFile.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static WorkingHours workingHours(CalendarFile.Hours hours) {
        List<WorkingHours.Season> seasons = hours.seasons().stream()
                .map(s -> new WorkingHours.Season(MonthDay.parse(s.from(), MONTH_DAY), s.periods().stream()
                        .map(p -> new WorkingHours.Period(LocalTime.parse(p.get(0)), LocalTime.parse(p.get(1))))
                        .toList()))
                .toList();
        return new WorkingHours(seasons);
    }
}
