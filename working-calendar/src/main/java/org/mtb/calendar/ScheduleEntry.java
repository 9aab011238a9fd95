package org.mtb.calendar;

import java.time.LocalDate;

/** One day of a published holiday schedule: a day off, or a weekend day that is worked, with its source. */
public record ScheduleEntry(LocalDate date, Kind kind, String name, String source) {

    public enum Kind {
        OFF,
        WORKED
    }
}
