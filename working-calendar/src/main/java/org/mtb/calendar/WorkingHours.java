package org.mtb.calendar;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.util.Comparator;
import java.util.List;

/**
 * Working periods of a working day, by season: each season starts on a month-day and lasts until the next
 * one starts (e.g. Xinjiang summer from 1 May, winter from 1 October).
 */
public record WorkingHours(List<Season> seasons) {

    /** A half-open period {@code [start, end)} of a working day. */
    public record Period(LocalTime start, LocalTime end) {
        public Period {
            if (!start.isBefore(end)) {
                throw new IllegalArgumentException("A period must start before it ends: " + start + "-" + end);
            }
        }
    }

    public record Season(MonthDay from, List<Period> periods) {
        public Season {
            periods = List.copyOf(periods);
            for (int i = 1; i < periods.size(); i++) {
                if (periods.get(i).start().isBefore(periods.get(i - 1).end())) {
                    throw new IllegalArgumentException("Periods must be in order and not overlap: " + periods);
                }
            }
        }
    }

    public WorkingHours {
        if (seasons.isEmpty()) {
            throw new IllegalArgumentException("At least one season is needed");
        }
        seasons = seasons.stream().sorted(Comparator.comparing(Season::from)).toList();
    }

    /** The same periods all year. */
    public static WorkingHours allYear(Period... periods) {
        return new WorkingHours(List.of(new Season(MonthDay.of(1, 1), List.of(periods))));
    }

    public List<Period> periodsOn(LocalDate date) {
        MonthDay day = MonthDay.from(date);
        Season current = seasons.getLast();
        for (Season season : seasons) {
            if (!season.from().isAfter(day)) {
                current = season;
            }
        }
        return current.periods();
    }
}
