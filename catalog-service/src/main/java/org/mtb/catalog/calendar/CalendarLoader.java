package org.mtb.catalog.calendar;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Builds the region calendars with the imported schedule years and publishes the ones that changed: at start,
 * before the web server takes requests, so that no answer ignores an imported year; after every import; and on
 * schedule when another instance imported a year.
 */
@Component
class CalendarLoader implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(CalendarLoader.class);

    private final RegionCalendars calendars;
    private final ScheduleYears years;
    private final CalendarPublication publication;
    private volatile String loadedYears = "";

    CalendarLoader(RegionCalendars calendars, ScheduleYears years, CalendarPublication publication) {
        this.calendars = calendars;
        this.years = years;
        this.publication = publication;
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<ScheduleYear> imported = years.all();
        imported.stream().filter(year -> !calendars.hasSchedule(year.schedule())).forEach(year -> log.warn(
                "Imported year {} belongs to no schedule in catalog/calendars.json and is not used", year.id()));
        Map<String, Long> revisions = apply(imported);
        log.info("Working calendars built with imported years {}; published revisions {}",
                imported.stream().map(ScheduleYear::id).sorted().toList(), revisions);
    }

    /** @return every region's revision now, by region code */
    Map<String, Long> reload() {
        return apply(years.all());
    }

    @Scheduled(fixedDelayString = "${catalog.calendar-refresh-interval:1m}",
            initialDelayString = "${catalog.calendar-refresh-interval:1m}")
    void reloadWhenImportedElsewhere() {
        try {
            List<ScheduleYear> imported = years.all();
            if (!stamp(imported).equals(loadedYears)) {
                log.info("Schedule years were imported by another instance; rebuilding the calendars");
                apply(imported);
            }
        } catch (RuntimeException e) {
            log.warn("Cannot look for schedule years imported by another instance now; retried later: {}",
                    e.toString());
        }
    }

    private synchronized Map<String, Long> apply(List<ScheduleYear> imported) {
        calendars.rebuild(imported);
        Map<String, Long> revisions = publication.publishChanged();
        loadedYears = stamp(imported);
        return revisions;
    }

    private static String stamp(List<ScheduleYear> imported) {
        return imported.stream().map(year -> year.id() + "=" + year.fingerprint()).sorted()
                .collect(Collectors.joining(","));
    }
}
