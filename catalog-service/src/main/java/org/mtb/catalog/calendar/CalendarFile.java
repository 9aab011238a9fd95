package org.mtb.catalog.calendar;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The shape of {@code catalog/calendars.json}: which schedules and working hours each region uses.
 *
 * @param nationalSchedule the file of the State Council schedule, imported and named {@code national}
 * @param overlaySchedules regional schedule files by the short name regions and imports use, e.g. {@code xinjiang}
 */
record CalendarFile(String nationalSchedule, @Nullable Map<String, String> overlaySchedules, Hours defaultWorkingHours,
        Map<String, RegionEntry> regions) {

    record Hours(List<Season> seasons, String source) {
    }

    /** A season from a month-day ({@code MM-dd}), with its periods as {@code [start, end]} pairs. */
    record Season(String from, List<List<String>> periods) {
    }

    /** @param overlays names from {@code overlaySchedules}, applied in order on top of the national schedule */
    record RegionEntry(String timeZone, @Nullable List<String> overlays, @Nullable String overlaysSource,
            @Nullable Hours workingHours) {
    }
}
