package org.mtb.catalog.calendar;

import java.util.List;
import java.util.Map;

/** The shape of {@code catalog/calendars.json}: which schedules and working hours each region uses. */
record CalendarFile(String nationalSchedule, Hours defaultWorkingHours, Map<String, RegionEntry> regions) {

    record Hours(List<Season> seasons, String source) {
    }

    /** A season from a month-day ({@code MM-dd}), with its periods as {@code [start, end]} pairs. */
    record Season(String from, List<List<String>> periods) {
    }

    record RegionEntry(String timeZone, List<String> overlays, String overlaysSource, Hours workingHours) {
    }
}
