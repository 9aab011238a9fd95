package org.mtb.review.reviewcase;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mtb.contracts.TimeOrderedIds;
import org.mtb.contracts.Topics;
import org.mtb.contracts.catalog.Period;
import org.mtb.contracts.review.SupplementItem;
import org.mtb.contracts.review.SupplementLapsed;
import org.mtb.contracts.review.SupplementRequested;
import org.mtb.review.calendar.CalendarSnapshot;
import org.mtb.review.calendar.RegionCalendars;
import org.mtb.review.policy.PolicyCopy;
import org.mtb.review.policy.RegionPolicies;
import org.mtb.review.sla.SlaCounts;
import org.mtb.review.sla.SlaPlanner;
import org.mtb.review.timer.DueTimer;
import org.mtb.review.timer.DueTimers;
import org.mtb.support.security.Caller;
import org.mtb.support.web.FieldProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Returns open cases for supplement (补正) and closes those whose applicant did not answer in time. A request stops
 * the review clock, keeping the working time left for a region that resumes it; the applicant's time comes from the
 * region's policy ({@code supplementWithin}). The lapse timer is written before the case, as the SLA timers are.
 */
@Service
class SupplementRequests {

    static final String LAPSE = "SUPPLEMENT_LAPSE";
    private static final Logger log = LoggerFactory.getLogger(SupplementRequests.class);

    private final MongoTemplate mongo;
    private final ReviewCases cases;
    private final RegionPolicies policies;
    private final RegionCalendars calendars;
    private final SlaPlanner planner;
    private final DueTimers timers;
    private final CaseWrites writes;
    private final SlaCounts counts;
    private final CasePersonalData personalData;
    private final SupplementProperties properties;
    private final JsonMapper json;
    private final Clock clock;
    private final MeterRegistry meters;

    SupplementRequests(MongoTemplate mongo, ReviewCases cases, RegionPolicies policies, RegionCalendars calendars,
            SlaPlanner planner, DueTimers timers, CaseWrites writes, SlaCounts counts,
            CasePersonalData personalData, SupplementProperties properties, JsonMapper json, Clock clock,
            MeterRegistry meters) {
        this.mongo = mongo;
        this.cases = cases;
        this.policies = policies;
        this.calendars = calendars;
        this.planner = planner;
        this.timers = timers;
        this.writes = writes;
        this.counts = counts;
        this.personalData = personalData;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
        this.meters = meters;
    }

    ReviewCase request(Caller caller, String number, SupplementRequestBody body) {
        ReviewCase open = cases.find(caller, number).orElseThrow(() -> CaseProblems.notFound(number));
        PolicyCopy catalog = policies.find(open.regionCode()).orElse(null);
        List<FieldProblem> problems = new ArrayList<>();
        List<SupplementItem> items = body.checked(catalog == null ? java.util.Map.of()
                : catalog.materialsFor(open.diseaseCode()), problems);
        if (!problems.isEmpty()) {
            throw CaseProblems.invalidSupplementRequest(problems);
        }
        for (int attempt = 1; attempt <= 3; attempt++) {
            if (open.status() != CaseStatus.OPEN) {
                throw CaseProblems.notOpen(open);
            }
            open.requireNoOtherHolder(caller.username(), clock.instant());
            if (tryRequest(open, items, caller.subject(), catalog)) {
                return cases.find(number).orElseThrow();
            }
            open = cases.find(caller, number).orElseThrow(() -> CaseProblems.notFound(number));
        }
        throw CaseProblems.keptChanging(number);
    }

    private boolean tryRequest(ReviewCase open, List<SupplementItem> items, String reviewer,
            @Nullable PolicyCopy catalog) {
        String number = open.applicationNumber();
        Instant now = clock.instant();
        CalendarSnapshot calendar = calendars.calendarFor(open.regionCode());
        Instant dueAt = dueAt(now, catalog, calendar).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        Duration left = open.sla() == null ? Duration.ZERO : planner.workingTimeLeft(open.sla(), now, calendar);
        int round = open.rounds() + 1;
        SupplementRequested event = new SupplementRequested(TimeOrderedIds.next(), SupplementRequested.SCHEMA_VERSION, now,
                number, open.regionCode(), open.diseaseName(), round, items, reviewer, now, dueAt,
                personalData.recipient(open));
        CaseSupplement supplement = new CaseSupplement(round, items, reviewer, now, dueAt, left.toMillis(), null, null,
                null, null);
        timers.schedule(List.of(new DueTimer(number, LAPSE, round, lapseAt(dueAt))));
        Update update = new Update().set("status", CaseStatus.AWAITING_SUPPLEMENT).push("supplements", supplement)
                .push("outbox", CaseEvents.entry(json, event, Topics.SUPPLEMENT_REQUESTED, now))
                .inc("version", 1);
        if (!writes.write(open, update)) {
            return false;
        }
        if (open.sla() != null) {
            counts.closed(open.regionCode(), open.sla());
        }
        meters.counter("review.supplements.requested", "region", open.regionCode()).increment();
        log.info("Case {} returned for supplement, round {}, {} item(s), by reviewer {}; applicant has until {}",
                number, round, items.size(), reviewer, dueAt);
        return true;
    }

    /** When a request due at {@code dueAt} lapses: its grace later, so that a supplement taken in time arrives first. */
    Instant lapseAt(Instant dueAt) {
        return dueAt.plus(properties.lapseGrace());
    }

    /** The end of the applicant's time: the region's period, or the configured number of calendar days. */
    private Instant dueAt(Instant now, @Nullable PolicyCopy catalog, CalendarSnapshot calendar) {
        Period within = catalog == null || catalog.policy() == null ? null : catalog.policy().supplementWithin();
        ZoneId zone = calendar.calendar().zone();
        if (within == null) {
            return now.atZone(zone).plusDays(properties.defaultCalendarDays()).toInstant();
        }
        return switch (within.unit()) {
            case WORKING_DAYS -> calendar.calendar().addWorkingDays(now, within.amount()).at();
            case CALENDAR_DAYS -> now.atZone(zone).plusDays(within.amount()).toInstant();
            case MONTHS -> now.atZone(zone).plusMonths(within.amount()).toInstant();
            case YEARS -> now.atZone(zone).plusYears(within.amount()).toInstant();
        };
    }

    /**
     * Closes the case as not supplemented if it still waits for the round the timer was set for, and the timer is the
     * one of that round's due time (a timer of a request whose storing failed is not); answers whether it did. One update conditional on the version read, with its event.
     */
    boolean lapse(ReviewCase waiting, int round, Instant timerAt) {
        CaseSupplement open = waiting.openSupplement().filter(s -> s.round() == round)
                .filter(s -> lapseAt(s.dueAt()).equals(timerAt)).orElse(null);
        if (open == null) {
            return false;
        }
        String number = waiting.applicationNumber();
        Instant now = clock.instant();
        SupplementLapsed event = new SupplementLapsed(TimeOrderedIds.next(), SupplementLapsed.SCHEMA_VERSION, now, number,
                waiting.regionCode(), waiting.diseaseName(), round, open.dueAt(), now, personalData.recipient(waiting));
        int index = waiting.supplements().size() - 1;
        Update update = new Update().set("status", CaseStatus.NOT_SUPPLEMENTED)
                .set("supplements." + index + ".lapsedAt", now)
                .set("closing", new ReviewCase.Closing(CaseStatus.NOT_SUPPLEMENTED, now, event.eventId().toString(),
                        null))
                .push("outbox", CaseEvents.entry(json, event, Topics.SUPPLEMENT_LAPSED, now))
                .inc("version", 1);
        if (!writes.write(waiting, update)) {
            return false;
        }
        meters.counter("review.supplements.lapsed", "region", waiting.regionCode()).increment();
        log.info("Case {} closed as not supplemented: round {} was due {}", number, round, open.dueAt());
        return true;
    }

}
