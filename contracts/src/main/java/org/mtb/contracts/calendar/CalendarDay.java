package org.mtb.contracts.calendar;

import java.time.LocalDate;

/** One day of a published holiday schedule that is not an ordinary weekday or weekend, with its source. */
public record CalendarDay(LocalDate date, Kind kind, String name, String source) {

    public enum Kind {
        /** A statutory or regional day off, possibly on a weekday. */
        OFF,
        /** A weekend day that is worked (调休). */
        WORKED
    }
}
