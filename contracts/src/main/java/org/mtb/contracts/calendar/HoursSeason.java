package org.mtb.contracts.calendar;

import java.time.LocalTime;
import java.util.List;

/**
 * Working hours from a day of the year until the next season starts.
 *
 * @param from {@code MM-dd}
 */
public record HoursSeason(String from, List<Period> periods) {

    public record Period(LocalTime start, LocalTime end) {
    }
}
