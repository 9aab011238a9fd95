package org.mtb.catalog.calendar;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.mtb.calendar.ScheduleEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Imports one year of a schedule: the national one or a regional overlay. The year is stored first, then every
 * region's calendar is rebuilt and each one that changed is published with its next revision. An import with
 * the same content as the stored year changes nothing; one with other content replaces it and keeps the
 * replaced import, so a correction is recorded with who made it, when and from what source.
 */
@Service
class ScheduleImports {

    private static final Logger log = LoggerFactory.getLogger(ScheduleImports.class);
    private static final int ATTEMPTS = 3;

    /**
     * @param created whether the year had not been imported before
     * @param revisions the revision of every region using the schedule, by region code
     */
    record Outcome(ScheduleYear year, boolean created, boolean changed, Map<String, Long> revisions) {
    }

    private record Stored(ScheduleYear year, boolean created, boolean changed) {
    }

    private final RegionCalendars calendars;
    private final ScheduleYears years;
    private final CalendarLoader loader;
    private final Clock clock;

    ScheduleImports(RegionCalendars calendars, ScheduleYears years, CalendarLoader loader, Clock clock) {
        this.calendars = calendars;
        this.years = years;
        this.loader = loader;
        this.clock = clock;
    }

    Outcome importYear(String schedule, int year, ScheduleYearRequest request, String importedBy) {
        if (!calendars.hasSchedule(schedule)) {
            throw CalendarProblems.scheduleNotFound(calendars.scheduleNames());
        }
        ScheduleYearValidator.Checked checked = ScheduleYearValidator.check(year, request, importedBy);
        if (!checked.problems().isEmpty()) {
            throw CalendarProblems.invalidScheduleYear(checked.problems());
        }
        Stored stored = store(schedule, year, checked);
        Map<String, Long> all = loader.reload();
        Map<String, Long> affected = new TreeMap<>();
        calendars.regionsUsing(schedule).forEach(code -> affected.put(code, all.get(code)));
        return new Outcome(stored.year(), stored.created(), stored.changed(), affected);
    }

    private Stored store(String schedule, int year, ScheduleYearValidator.Checked checked) {
        List<ScheduleEntry> entries = checked.entries();
        String fingerprint = ScheduleYear.fingerprint(checked.source(), entries);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Instant now = clock.instant();
            Optional<ScheduleYear> current = years.find(schedule, year);
            if (current.isEmpty()) {
                ScheduleYear first = ScheduleYear.first(schedule, year, checked.source(), entries,
                        checked.importedBy(), now);
                if (years.insert(first)) {
                    log.info("Schedule {} {} imported by {}: {} days from {}", schedule, year, checked.importedBy(),
                            entries.size(), checked.source());
                    return new Stored(first, true, true);
                }
            } else if (current.get().fingerprint().equals(fingerprint)) {
                return new Stored(current.get(), false, false);
            } else {
                ScheduleYear next = current.get().replacedBy(checked.source(), entries, checked.importedBy(), now);
                if (years.replace(current.get(), next)) {
                    log.info("Schedule {} {} replaced by {}: {} days from {}; the import of {} by {} is kept as "
                            + "earlier", schedule, year, checked.importedBy(), entries.size(), checked.source(),
                            current.get().importedAt(), current.get().importedBy());
                    return new Stored(next, false, true);
                }
            }
        }
        throw CalendarProblems.importConflict();
    }
}
