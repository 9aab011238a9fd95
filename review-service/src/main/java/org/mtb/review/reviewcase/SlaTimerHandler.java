package org.mtb.review.reviewcase;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.mtb.contracts.Topics;
import org.mtb.contracts.review.SlaBreached;
import org.mtb.contracts.review.SlaWarning;
import org.mtb.review.calendar.RegionCalendars;
import org.mtb.review.outbox.PendingOutbox;
import org.mtb.review.timer.DueTimer;
import org.mtb.review.timer.DueTimerHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends {@code SlaWarning} and {@code SlaBreached} when a case's timers fall due. Each is one conditional update of
 * the case (still open, same deadline revision, state not yet moved on) that also stores the event, so a timer
 * acts once however many instances fire it and however often.
 */
@Component
class SlaTimerHandler implements DueTimerHandler {

    private static final Logger log = LoggerFactory.getLogger(SlaTimerHandler.class);

    private final MongoTemplate mongo;
    private final RegionCalendars calendars;
    private final PendingOutbox pendingOutbox;
    private final SlaCounts counts;
    private final JsonMapper json;
    private final Clock clock;
    private final MeterRegistry meters;

    SlaTimerHandler(MongoTemplate mongo, RegionCalendars calendars, PendingOutbox pendingOutbox, SlaCounts counts,
            JsonMapper json, Clock clock, MeterRegistry meters) {
        this.mongo = mongo;
        this.calendars = calendars;
        this.pendingOutbox = pendingOutbox;
        this.counts = counts;
        this.json = json;
        this.clock = clock;
        this.meters = meters;
    }

    @Override
    public List<DueTimer> fire(List<DueTimer> due) {
        List<String> ids = due.stream().map(DueTimer::subject).distinct().toList();
        Map<String, ReviewCase> cases = mongo.find(Query.query(where("_id").in(ids)), ReviewCase.class).stream()
                .collect(Collectors.toMap(ReviewCase::applicationNumber, Function.identity()));
        List<DueTimer> acted = new ArrayList<>();
        Map<String, SlaState> states = new HashMap<>();
        for (DueTimer timer : due) {
            ReviewCase c = cases.get(timer.subject());
            if (c == null || c.status() != CaseStatus.OPEN || c.sla() == null
                    || c.sla().revision() != timer.revision()) {
                continue;
            }
            SlaState state = states.getOrDefault(c.applicationNumber(), c.sla().state());
            SlaState after = switch (timer.kind()) {
                case SlaClock.WARNING -> state == SlaState.ON_TIME && warn(c) ? SlaState.WARNED : null;
                case SlaClock.BREACH -> state != SlaState.BREACHED && breach(c, state) ? SlaState.BREACHED : null;
                default -> null;
            };
            if (after != null) {
                states.put(c.applicationNumber(), after);
                acted.add(timer);
            }
        }
        return acted;
    }

    private boolean warn(ReviewCase c) {
        Instant now = clock.instant();
        SlaClock sla = c.sla();
        Duration left = sla.dueAt().isAfter(now)
                ? calendars.calendarFor(c.regionCode()).calendar().workingTimeBetween(now, sla.dueAt())
                : Duration.ZERO;
        SlaWarning event = new SlaWarning(UUID.randomUUID(), SlaWarning.SCHEMA_VERSION, now, c.applicationNumber(),
                c.regionCode(), c.diseaseCategory(), sla.dueAt(), left, sla.provisional(), c.catalogVersion());
        if (!moved(c, SlaState.ON_TIME, SlaState.WARNED, "sla.warnedAt", now,
                entry(event.eventId(), Topics.SLA_WARNING, c, event, now))) {
            return false;
        }
        counts.warned(c.regionCode());
        log.info("Case {} warned: {} of working time left until {}", c.applicationNumber(), left, sla.dueAt());
        return true;
    }

    private boolean breach(ReviewCase c, SlaState from) {
        Instant now = clock.instant();
        SlaClock sla = c.sla();
        SlaBreached event = new SlaBreached(UUID.randomUUID(), SlaBreached.SCHEMA_VERSION, now, c.applicationNumber(),
                c.regionCode(), c.diseaseCategory(), sla.breachAt(), sla.provisional(), c.catalogVersion());
        if (!moved(c, from, SlaState.BREACHED, "sla.breachedAt", now,
                entry(event.eventId(), Topics.SLA_BREACHED, c, event, now))) {
            return false;
        }
        counts.breached(c.regionCode(), from);
        meters.counter("review.sla.breaches", "region", c.regionCode()).increment();
        log.warn("Case {} in region {} breached its deadline {}", c.applicationNumber(), c.regionCode(),
                sla.breachAt());
        return true;
    }

    private boolean moved(ReviewCase c, SlaState from, SlaState to, String stampField, Instant now,
            OutboxEntry event) {
        Query unchanged = Query.query(where("_id").is(c.applicationNumber()).and("status").is(CaseStatus.OPEN)
                .and("sla.revision").is(c.sla().revision()).and("sla.state").is(from));
        Update update = new Update().set("sla.state", to).set(stampField, now).push("outbox", event);
        if (mongo.updateFirst(unchanged, update, ReviewCase.class).getModifiedCount() == 0) {
            return false;
        }
        pendingOutbox.mark(ReviewCase.COLLECTION, c.applicationNumber());
        return true;
    }

    private OutboxEntry entry(UUID eventId, String topic, ReviewCase c, Object event, Instant now) {
        return new OutboxEntry(eventId.toString(), topic, c.applicationNumber(), json.writeValueAsString(event), now);
    }
}
