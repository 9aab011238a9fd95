package org.mtb.review.calendar;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.mtb.calendar.HolidaySchedule;
import org.mtb.calendar.ScheduleEntry;
import org.mtb.calendar.ScheduleFile;
import org.mtb.calendar.WorkingDayCalendar;
import org.mtb.calendar.WorkingHours;
import org.mtb.contracts.calendar.CalendarPublished;
import org.mtb.support.cache.HeldCopies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/** Builds each region's working-day calendar from its copy, and keeps the copies up to date. */
@Service
public class RegionCalendars {

    private static final Logger log = LoggerFactory.getLogger(RegionCalendars.class);

    private final MongoTemplate mongo;
    private final ApplicationEventPublisher events;
    private final MeterRegistry meters;
    private final JsonMapper json;
    private final WorkingDayCalendar nationalDefault;
    private final HeldCopies<String, CalendarSnapshot> held;

    public RegionCalendars(MongoTemplate mongo, ApplicationEventPublisher events, MeterRegistry meters, Clock clock,
            JsonMapper json, CalendarProperties properties) {
        this.json = json;
        this.mongo = mongo;
        this.events = events;
        this.meters = meters;
        this.nationalDefault = new WorkingDayCalendar(properties.defaultTimeZone(), shippedNationalSchedule(),
                hours(properties.defaultHours()));
        this.held = new HeldCopies<>(properties.cacheTtl(), this::read, clock);
    }

    /**
     * The region's calendar; the national default (revision 0) until the region's own has arrived. Checked against the
     * copy at most every {@code review.calendar.cache-ttl}, by one caller while the others use the calendar held, and
     * built again only when the copy's revision changed.
     */
    public CalendarSnapshot calendarFor(String regionCode) {
        return Objects.requireNonNull(held.get(regionCode));
    }

    private CalendarSnapshot read(String regionCode, @Nullable CalendarSnapshot old) {
        CalendarCopy copy = mongo.findById(regionCode, CalendarCopy.class);
        if (copy == null) {
            return new CalendarSnapshot(nationalDefault, 0);
        }
        return old != null && old.revision() == copy.revision() ? old
                : new CalendarSnapshot(build(copy), copy.revision());
    }

    /**
     * Stores the calendar unless the copy has the same or a newer revision (one conditional upsert), and asks for the
     * region's deadlines to be reconciled with the copy in either case.
     */
    public void apply(CalendarPublished event) {
        Query olderCopy = Query.query(where("_id").is(event.regionCode()).and("revision").lt(event.revision()));
        Update replace = new Update().set("revision", event.revision()).set("calendar", json.writeValueAsString(event))
                .set("eventId", event.eventId().toString()).set("occurredAt", event.occurredAt());
        try {
            mongo.upsert(olderCopy, replace, CalendarCopy.class);
            held.forget(event.regionCode());
            log.info("Region {} calendar revision {} applies, with schedules for {}", event.regionCode(),
                    event.revision(), event.years());
        } catch (DuplicateKeyException sameOrOlder) {
            meters.counter("review.events.duplicates").increment();
            log.debug("Calendar revision {} of region {} is not newer than the copy", event.revision(),
                    event.regionCode());
        }
        // Told even when the copy was stored before: the deadlines may not have been reconciled with it then.
        events.publishEvent(new CalendarChanged(event.regionCode(), event.revision()));
    }

    private WorkingDayCalendar build(CalendarCopy copy) {
        CalendarPublished calendar = json.readValue(copy.calendar(), CalendarPublished.class);
        List<ScheduleEntry> entries = calendar.days().stream().map(day -> new ScheduleEntry(day.date(),
                ScheduleEntry.Kind.valueOf(day.kind().name()), day.name(), day.source())).toList();
        List<WorkingHours.Season> seasons = calendar.workingHours().stream()
                .map(season -> new WorkingHours.Season(MonthDay.parse("--" + season.from()), season.periods().stream()
                        .map(p -> new WorkingHours.Period(p.start(), p.end())).toList()))
                .toList();
        return new WorkingDayCalendar(ZoneId.of(calendar.timeZone()),
                HolidaySchedule.of(new HashSet<>(calendar.years()), entries), new WorkingHours(seasons));
    }

    private static HolidaySchedule shippedNationalSchedule() {
        try (InputStream in = WorkingDayCalendar.class.getResourceAsStream("national-holidays.csv")) {
            if (in == null) {
                throw new IllegalStateException("working-calendar ships no national-holidays.csv");
            }
            return ScheduleFile.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code 09:00-12:00,13:30-17:30}. */
    private static WorkingHours hours(String text) {
        List<WorkingHours.Period> periods = new ArrayList<>();
        for (String period : text.split(",")) {
            String[] ends = period.strip().split("-");
            periods.add(new WorkingHours.Period(LocalTime.parse(ends[0]), LocalTime.parse(ends[1])));
        }
        return WorkingHours.allYear(periods.toArray(WorkingHours.Period[]::new));
    }
}
