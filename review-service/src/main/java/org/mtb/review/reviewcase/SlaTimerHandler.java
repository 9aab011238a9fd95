package org.mtb.review.reviewcase;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.mtb.contracts.Topics;
import org.mtb.contracts.review.SlaBreached;
import org.mtb.contracts.review.SlaWarning;
import org.mtb.review.calendar.RegionCalendars;
import org.mtb.review.timer.DueTimer;
import org.mtb.review.timer.DueTimerHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns due SLA timers into {@code SlaWarning} and {@code SlaBreached}. Ahead of time it reads the cases and drops
 * timers that are stale (case decided, deadline computed afresh, warning or breach already recorded); at the due
 * moment it stores one event per timer in {@link SlaEvents}, whose id makes a second firing of the same timer, by
 * this instance or another, a no-op. The events are checked against the case once more before they go out.
 */
@Component
class SlaTimerHandler implements DueTimerHandler {

    private final MongoTemplate mongo;
    private final RegionCalendars calendars;
    private final SlaEvents events;
    private final JsonMapper json;
    private final Clock clock;

    SlaTimerHandler(MongoTemplate mongo, RegionCalendars calendars, SlaEvents events, JsonMapper json, Clock clock) {
        this.mongo = mongo;
        this.calendars = calendars;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public Prepared prepare(List<DueTimer> soon) {
        List<String> numbers = soon.stream().map(DueTimer::subject).distinct().toList();
        Query query = Query.query(where("_id").in(numbers));
        query.fields().exclude("applicant").exclude("hospital").exclude("conditionSummary").exclude("outbox");
        Map<String, ReviewCase> cases = mongo.find(query, ReviewCase.class).stream()
                .collect(Collectors.toMap(ReviewCase::applicationNumber, Function.identity()));
        List<Firing> firings = new ArrayList<>();
        for (DueTimer timer : soon) {
            ReviewCase c = cases.get(timer.subject());
            if (due(c, timer)) {
                firings.add(new Firing(timer, c, workingTimeLeft(c, timer)));
            }
        }
        return () -> fire(firings);
    }

    private List<DueTimer> fire(List<Firing> firings) {
        if (firings.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        List<SlaEvent> stored = events.store(firings.stream().map(firing -> event(firing, now)).toList());
        Set<String> storedIds = stored.stream().map(SlaEvent::id).collect(Collectors.toSet());
        return firings.stream().filter(f -> storedIds.contains(SlaEvent.id(f.timer()))).map(Firing::timer).toList();
    }

    private static boolean due(ReviewCase c, DueTimer timer) {
        if (c == null || c.status() != CaseStatus.OPEN || c.sla() == null || c.sla().revision() != timer.revision()) {
            return false;
        }
        SlaState state = c.sla().state();
        return timer.kind().equals(SlaClock.WARNING) ? state == SlaState.ON_TIME : state != SlaState.BREACHED;
    }

    /** For a warning, the working time from its moment to the deadline; computed ahead, since it does not depend on now. */
    private Duration workingTimeLeft(ReviewCase c, DueTimer timer) {
        if (!timer.kind().equals(SlaClock.WARNING) || !c.sla().dueAt().isAfter(timer.at())) {
            return Duration.ZERO;
        }
        return calendars.calendarFor(c.regionCode()).calendar().workingTimeBetween(timer.at(), c.sla().dueAt());
    }

    private SlaEvent event(Firing firing, Instant now) {
        ReviewCase c = firing.c();
        SlaClock sla = c.sla();
        DueTimer timer = firing.timer();
        UUID eventId = UUID.randomUUID();
        boolean warning = timer.kind().equals(SlaClock.WARNING);
        Object event = warning
                ? new SlaWarning(eventId, SlaWarning.SCHEMA_VERSION, now, c.applicationNumber(), c.regionCode(),
                        c.diseaseCategory(), sla.dueAt(), firing.workingTimeLeft(), sla.provisional(), c.catalogVersion())
                : new SlaBreached(eventId, SlaBreached.SCHEMA_VERSION, now, c.applicationNumber(), c.regionCode(),
                        c.diseaseCategory(), sla.breachAt(), sla.provisional(), c.catalogVersion());
        return new SlaEvent(SlaEvent.id(timer), eventId.toString(), warning ? Topics.SLA_WARNING : Topics.SLA_BREACHED,
                c.applicationNumber(), json.writeValueAsString(event), c.regionCode(),
                warning ? SlaState.WARNED : SlaState.BREACHED, timer.revision(), timer.at(), now, null);
    }

    private record Firing(DueTimer timer, ReviewCase c, Duration workingTimeLeft) {
    }
}
