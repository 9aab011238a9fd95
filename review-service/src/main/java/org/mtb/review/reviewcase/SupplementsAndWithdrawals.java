package org.mtb.review.reviewcase;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mtb.contracts.TimeOrderedIds;
import org.mtb.contracts.Topics;
import org.mtb.contracts.intake.ApplicationSupplemented;
import org.mtb.contracts.intake.ApplicationWithdrawn;
import org.mtb.contracts.review.ReviewStarted;
import org.mtb.review.calendar.CalendarSnapshot;
import org.mtb.review.calendar.RegionCalendars;
import org.mtb.review.policy.PolicyCopy;
import org.mtb.review.policy.RegionPolicies;
import org.mtb.review.sla.SlaClock;
import org.mtb.review.sla.SlaCounts;
import org.mtb.review.sla.SlaPlanner;
import org.mtb.review.timer.DueTimers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * What intake's events do to a case: a supplement reopens it with the deadline the region's policy gives
 * ({@code supplementRestartsClock}), a withdrawal closes it. Each is one update conditional on the version read, and
 * idempotent by its event: a redelivered supplement finds its round answered by the same event id, a redelivered
 * withdrawal finds the case closed by it.
 */
@Service
class SupplementsAndWithdrawals {

    private static final Logger log = LoggerFactory.getLogger(SupplementsAndWithdrawals.class);

    private final MongoTemplate mongo;
    private final RegionPolicies policies;
    private final RegionCalendars calendars;
    private final SlaPlanner planner;
    private final DueTimers timers;
    private final CaseWrites writes;
    private final SlaCounts counts;
    private final JsonMapper json;
    private final Clock clock;
    private final MeterRegistry meters;

    SupplementsAndWithdrawals(MongoTemplate mongo, RegionPolicies policies, RegionCalendars calendars,
            SlaPlanner planner, DueTimers timers, CaseWrites writes, SlaCounts counts, JsonMapper json,
            Clock clock, MeterRegistry meters) {
        this.mongo = mongo;
        this.policies = policies;
        this.calendars = calendars;
        this.planner = planner;
        this.timers = timers;
        this.writes = writes;
        this.counts = counts;
        this.json = json;
        this.clock = clock;
        this.meters = meters;
    }

    void suppliedAll(List<ApplicationSupplemented> events) {
        events.forEach(this::supplied);
    }

    void withdrawnAll(List<ApplicationWithdrawn> events) {
        events.forEach(this::withdrawn);
    }

    private void supplied(ApplicationSupplemented event) {
        for (int attempt = 1; attempt <= 5; attempt++) {
            ReviewCase c = mongo.findById(event.applicationNumber(), ReviewCase.class);
            if (c == null) {
                throw new IllegalStateException("Supplement " + event.eventId() + " for unknown case "
                        + event.applicationNumber() + "; retried");
            }
            List<CaseSupplement> rounds = c.supplements() == null ? List.of() : c.supplements();
            int index = rounds.size() - 1;
            CaseSupplement last = index < 0 ? null : rounds.get(index);
            if (last == null || last.round() != event.round() || !last.open()
                    || c.status() != CaseStatus.AWAITING_SUPPLEMENT) {
                ignored(event.eventId(), event.applicationNumber(), last != null
                        && event.eventId().toString().equals(last.suppliedEventId()) ? "already applied"
                                : "the case does not wait for round " + event.round() + " (" + c.status() + ")");
                return;
            }
            if (resume(c, last, index, event)) {
                return;
            }
        }
        throw new IllegalStateException("Case " + event.applicationNumber() + " kept changing; supplement retried");
    }

    private boolean resume(ReviewCase c, CaseSupplement round, int index, ApplicationSupplemented event) {
        Instant now = clock.instant();
        PolicyCopy catalog = policies.find(c.regionCode()).orElse(null);
        boolean restart = catalog == null || catalog.policy() == null || catalog.policy().supplementRestartsClock();
        CalendarSnapshot calendar = calendars.calendarFor(c.regionCode());
        Instant resumedAt = event.supplementedAt();
        @Nullable SlaClock sla = c.sla() == null ? null : planner.afterSupplement(c.sla(), restart,
                Duration.ofMillis(round.workingTimeLeftMillis()), resumedAt, calendar);
        if (sla != null) {
            timers.schedule(planner.timers(c.applicationNumber(), sla));
        }
        ReviewStarted reopened = new ReviewStarted(TimeOrderedIds.next(), ReviewStarted.SCHEMA_VERSION, now,
                c.applicationNumber(), c.regionCode(), resumedAt, sla == null ? null : sla.dueAt());
        Update update = new Update().set("status", CaseStatus.OPEN).set("sla", sla)
                .set("supplements." + index + ".suppliedAt", resumedAt)
                .set("supplements." + index + ".suppliedEventId", event.eventId().toString())
                .set("supplements." + index + ".supplied", event.materials())
                .push("outbox", CaseEvents.entry(json, reopened, Topics.REVIEW_STARTED, now))
                .inc("version", 1);
        if (!writes.write(c, update)) {
            return false;
        }
        if (sla != null) {
            counts.opened(c.regionCode(), sla);
        }
        meters.counter("review.supplements.received", "region", c.regionCode()).increment();
        log.info("Case {} reopened after supplement round {}; the clock {}, due {}", c.applicationNumber(),
                round.round(), restart ? "restarts" : "resumes", sla == null ? "(no deadline)" : sla.dueAt());
        return true;
    }

    private void withdrawn(ApplicationWithdrawn event) {
        for (int attempt = 1; attempt <= 5; attempt++) {
            ReviewCase c = mongo.findById(event.applicationNumber(), ReviewCase.class);
            if (c == null) {
                // Withdrawn before its submission reached review (the topics keep no order between them): kept, so
                // that the case opens closed when the submission comes.
                mongo.upsert(Query.query(Criteria.where("_id").is(event.applicationNumber())), new Update()
                        .setOnInsert("eventId", event.eventId().toString()).setOnInsert("withdrawnAt",
                                event.withdrawnAt()).setOnInsert("reason", event.reason()),
                        CaseOpener.WITHDRAWN_BEFORE_OPENED);
                log.info("Application {} withdrawn before its case opened; it will open closed",
                        event.applicationNumber());
                return;
            }
            if (c.status() != CaseStatus.OPEN && c.status() != CaseStatus.AWAITING_SUPPLEMENT) {
                ignored(event.eventId(), event.applicationNumber(), c.closing() != null
                        && c.closing().eventId().equals(event.eventId().toString()) ? "already applied"
                                : "the case is " + c.status());
                return;
            }
            Update update = new Update().set("status", CaseStatus.WITHDRAWN).set("closing", new ReviewCase.Closing(
                    CaseStatus.WITHDRAWN, event.withdrawnAt(), event.eventId().toString(), event.reason()))
                    .inc("version", 1);
            if (mongo.updateFirst(c.unchanged(), update, ReviewCase.class).getModifiedCount() == 1) {
                if (c.status() == CaseStatus.OPEN && c.sla() != null) {
                    counts.closed(c.regionCode(), c.sla());
                }
                meters.counter("review.cases.withdrawn", "region", c.regionCode()).increment();
                log.info("Case {} closed: the application was withdrawn", c.applicationNumber());
                return;
            }
        }
        throw new IllegalStateException("Case " + event.applicationNumber() + " kept changing; withdrawal retried");
    }

    private void ignored(UUID eventId, String number, String why) {
        meters.counter("review.events.duplicates").increment();
        log.debug("Event {} for case {} changes nothing: {}", eventId, number, why);
    }

}
