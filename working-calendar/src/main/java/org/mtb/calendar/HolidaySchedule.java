package org.mtb.calendar;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The days off and worked weekend days of the years that have a published schedule. A year without one is
 * not known: days in it are counted by weekends alone, and deadlines through it are provisional.
 */
public final class HolidaySchedule {

    private final Map<LocalDate, ScheduleEntry> entries;
    private final Set<Integer> years;

    private HolidaySchedule(Map<LocalDate, ScheduleEntry> entries, Set<Integer> years) {
        this.entries = Map.copyOf(entries);
        this.years = Set.copyOf(years);
    }

    public static HolidaySchedule empty() {
        return new HolidaySchedule(Map.of(), Set.of());
    }

    /** A schedule for {@code years}; an entry outside them is refused, so a typo cannot hide in another year. */
    public static HolidaySchedule of(Set<Integer> years, Collection<ScheduleEntry> entries) {
        Map<LocalDate, ScheduleEntry> byDate = new HashMap<>();
        for (ScheduleEntry entry : entries) {
            if (!years.contains(entry.date().getYear())) {
                throw new IllegalArgumentException(entry.date() + " is outside the years " + years);
            }
            ScheduleEntry earlier = byDate.put(entry.date(), entry);
            if (earlier != null && earlier.kind() != entry.kind()) {
                throw new IllegalArgumentException(entry.date() + " is both " + earlier.kind() + " and " + entry.kind());
            }
        }
        return new HolidaySchedule(byDate, years);
    }

    /**
     * This schedule with a regional overlay on top: the overlay's entries win on the days they name, and a year
     * is known only where both know it. A regional notice alone does not give the national days, and a national
     * year without the region's own notice would silently count its regional days off (肉孜节, 古尔邦节) as
     * working days; such a year stays unknown, so its deadlines are marked provisional.
     */
    public HolidaySchedule withOverlay(HolidaySchedule overlay) {
        Set<Integer> known = new TreeSet<>(years);
        known.retainAll(overlay.years);
        Map<LocalDate, ScheduleEntry> merged = new HashMap<>();
        entries.values().stream().filter(e -> known.contains(e.date().getYear())).forEach(e -> merged.put(e.date(), e));
        overlay.entries.values().stream().filter(e -> known.contains(e.date().getYear()))
                .forEach(e -> merged.put(e.date(), e));
        return new HolidaySchedule(merged, known);
    }

    public boolean knowsYear(int year) {
        return years.contains(year);
    }

    public Set<Integer> years() {
        return new HashSet<>(years);
    }

    /** The entries of one year, in date order. */
    public List<ScheduleEntry> entries(int year) {
        return entries.values().stream().filter(e -> e.date().getYear() == year)
                .sorted(Comparator.comparing(ScheduleEntry::date)).toList();
    }

    public Optional<ScheduleEntry> entry(LocalDate date) {
        return Optional.ofNullable(entries.get(date));
    }
}
