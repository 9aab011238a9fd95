package org.mtb.catalog.calendar;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.mtb.calendar.ScheduleEntry;
import org.mtb.catalog.calendar.RegionCalendars.RegionCalendar;
import org.mtb.contracts.TimeOrderedIds;
import org.mtb.contracts.calendar.CalendarDay;
import org.mtb.contracts.calendar.CalendarPublished;
import org.mtb.contracts.calendar.HoursSeason;

/**
 * What a region's {@code CalendarPublished} says, without the event's own id, time and revision: the part whose
 * fingerprint decides whether the calendar changed since it was last published.
 */
record CalendarContent(String regionCode, String timeZone, List<Integer> years, List<CalendarDay> days,
        List<HoursSeason> workingHours, String workingHoursSource) {

    static CalendarContent of(RegionCalendar region) {
        List<Integer> years = region.schedule().years().stream().sorted().toList();
        List<CalendarDay> days = new ArrayList<>();
        for (int year : years) {
            for (ScheduleEntry entry : region.schedule().entries(year)) {
                days.add(new CalendarDay(entry.date(), CalendarDay.Kind.valueOf(entry.kind().name()), entry.name(),
                        entry.source()));
            }
        }
        List<HoursSeason> hours = region.hours().seasons().stream()
                .map(season -> new HoursSeason(season.from().format(CalendarSetup.MONTH_DAY), season.periods().stream()
                        .map(period -> new HoursSeason.Period(period.start(), period.end())).toList()))
                .toList();
        return new CalendarContent(region.regionCode(), region.calendar().zone().getId(), years, List.copyOf(days),
                hours, region.workingHoursSource());
    }

    String fingerprint() {
        List<String> values = new ArrayList<>();
        values.add(timeZone);
        values.add(years.toString());
        for (CalendarDay day : days) {
            values.add(day.date().toString());
            values.add(day.kind().name());
            values.add(day.name());
            values.add(day.source());
        }
        for (HoursSeason season : workingHours) {
            values.add(season.from());
            season.periods().forEach(period -> values.add(period.start() + "-" + period.end()));
        }
        values.add(workingHoursSource);
        return Fingerprints.of(values);
    }

    CalendarPublished event(long revision, Instant at) {
        return new CalendarPublished(TimeOrderedIds.next(), CalendarPublished.SCHEMA_VERSION, at, regionCode, revision,
                timeZone, years, days, workingHours, workingHoursSource);
    }
}
