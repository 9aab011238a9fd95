package org.mtb.catalog.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.mtb.calendar.HolidaySchedule;
import org.mtb.calendar.ScheduleFile;
import org.mtb.calendar.WorkingDayCalendar;
import org.mtb.calendar.WorkingHours;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.json.JsonMapper;

/**
 * What {@code catalog/calendars.json} sets, with the schedule files it names read: the shipped half of every
 * region's calendar, to which the imported years are added. A region naming an unknown overlay stops the start.
 */
final class CalendarSetup {

    /** The name of the State Council schedule, in imports and in {@link #regionsUsing}. */
    static final String NATIONAL = "national";

    static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MM-dd");

    /**
     * One region's settings.
     *
     * @param overlays the names of its regional schedules, applied in order on top of the national one
     */
    record RegionSetup(String regionCode, ZoneId zone, List<String> overlays, WorkingHours hours,
            String workingHoursSource, @Nullable String overlaysSource) {
    }

    private final Map<String, HolidaySchedule> shippedSchedules;
    private final Map<String, RegionSetup> regions;

    private CalendarSetup(Map<String, HolidaySchedule> shippedSchedules, Map<String, RegionSetup> regions) {
        this.shippedSchedules = Collections.unmodifiableMap(shippedSchedules);
        this.regions = Collections.unmodifiableMap(regions);
    }

    static CalendarSetup load(JsonMapper json) {
        CalendarFile file;
        try (InputStream in = new ClassPathResource("catalog/calendars.json").getInputStream()) {
            file = json.readValue(in, CalendarFile.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, HolidaySchedule> schedules = new LinkedHashMap<>();
        schedules.put(NATIONAL, schedule(file.nationalSchedule()));
        Map<String, String> overlayFiles = file.overlaySchedules() != null ? file.overlaySchedules() : Map.of();
        new TreeMap<>(overlayFiles).forEach((name, overlayFile) -> {
            if (NATIONAL.equals(name)) {
                throw new IllegalStateException("catalog/calendars.json: '" + NATIONAL + "' is not an overlay name");
            }
            schedules.put(name, schedule(overlayFile));
        });
        Map<String, RegionSetup> regions = new TreeMap<>();
        file.regions().forEach((code, entry) -> {
            List<String> overlays = entry.overlays() != null ? List.copyOf(entry.overlays()) : List.of();
            for (String overlay : overlays) {
                if (!overlayFiles.containsKey(overlay)) {
                    throw new IllegalStateException("catalog/calendars.json: region " + code + " uses overlay '"
                            + overlay + "', which overlaySchedules does not name");
                }
            }
            CalendarFile.Hours hours = entry.workingHours() != null ? entry.workingHours() : file.defaultWorkingHours();
            regions.put(code, new RegionSetup(code, ZoneId.of(entry.timeZone()), overlays, workingHours(hours),
                    hours.source(), entry.overlaysSource()));
        });
        return new CalendarSetup(schedules, regions);
    }

    Set<String> scheduleNames() {
        return shippedSchedules.keySet();
    }

    boolean hasSchedule(String name) {
        return shippedSchedules.containsKey(name);
    }

    HolidaySchedule shipped(String name) {
        return shippedSchedules.get(name);
    }

    /** In region code order. */
    Collection<RegionSetup> regions() {
        return regions.values();
    }

    /** The regions whose calendar a schedule is part of: every region for the national one. */
    List<String> regionsUsing(String schedule) {
        return regions.values().stream()
                .filter(region -> NATIONAL.equals(schedule) || region.overlays().contains(schedule))
                .map(RegionSetup::regionCode).toList();
    }

    private static HolidaySchedule schedule(String fileName) {
        try (InputStream in = WorkingDayCalendar.class.getResourceAsStream(fileName)) {
            if (in == null) {
                throw new IllegalStateException("No holiday schedule " + fileName + " in org/mtb/calendar");
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
