package org.mtb.contracts.calendar;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.mtb.contracts.IntegrationEvent;

/**
 * A region's whole working-day calendar as now loaded: the years whose schedule is known, their days off and
 * worked weekend days (national and regional together), and the working hours. Keyed by region code on a
 * compacted topic. A deadline in a year not in {@code years} is counted by weekends only and is provisional.
 *
 * @param revision grows with every change of the region's calendar, so a consumer can ignore an older one
 */
public record CalendarPublished(
        UUID eventId,
        int schemaVersion,
        Instant occurredAt,
        String regionCode,
        long revision,
        String timeZone,
        List<Integer> years,
        List<CalendarDay> days,
        List<HoursSeason> workingHours,
        String workingHoursSource) implements IntegrationEvent {

    public static final int SCHEMA_VERSION = 1;
}
