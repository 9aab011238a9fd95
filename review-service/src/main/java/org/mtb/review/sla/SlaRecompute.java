package org.mtb.review.reviewcase;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Predicate;
import org.mtb.contracts.catalog.ReviewTimeLimit;
import org.mtb.review.calendar.CalendarChanged;
import org.mtb.review.calendar.CalendarSnapshot;
import org.mtb.review.calendar.RegionCalendars;
import org.mtb.review.policy.PolicyCopy;
import org.mtb.review.policy.RegionPolicies;
import org.mtb.review.policy.RegionPolicyChanged;
import org.mtb.review.timer.DueTimers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Computes open deadlines afresh when what they were counted with changes: a region's calendar (a year's
 * schedule loaded, so provisional deadlines become exact; or the region's own calendar replacing the national
 * default), or a region's first catalog with a time limit for cases opened without one. A case keeps the time
 * limit of the catalog version it was opened under.
 */
@Component
class SlaRecompute {

    private static final Logger log = LoggerFactory.getLogger(SlaRecompute.class);

    private final MongoTemplate mongo;
    private final RegionPolicies policies;
    private final RegionCalendars calendars;
    private final SlaPlanner planner;
    private final DueTimers timers;
    private final SlaCounts counts;
    private final Clock clock;

    SlaRecompute(MongoTemplate mongo, RegionPolicies policies, RegionCalendars calendars, SlaPlanner planner,
            DueTimers timers, SlaCounts counts, Clock clock) {
        this.mongo = mongo;
        this.policies = policies;
        this.calendars = calendars;
        this.planner = planner;
        this.timers = timers;
        this.counts = counts;
        this.clock = clock;
    }

    @EventListener
    void calendarChanged(CalendarChanged changed) {
        recompute(changed.regionCode(), c -> c.sla() == null || c.sla().calendarRevision() < changed.revision());
    }

    @EventListener
    void policyChanged(RegionPolicyChanged changed) {
        recompute(changed.regionCode(), c -> c.sla() == null);
    }

    private void recompute(String regionCode, Predicate<ReviewCase> concerned) {
        PolicyCopy catalog = policies.find(regionCode).orElse(null);
        CalendarSnapshot calendar = calendars.calendarFor(regionCode);
        Instant now = clock.instant();
        int moved = 0;
        Query open = Query.query(where("regionCode").is(regionCode).and("status").is(CaseStatus.OPEN));
        for (ReviewCase c : mongo.find(open, ReviewCase.class)) {
            if (!concerned.test(c)) {
                continue;
            }
            ReviewTimeLimit limit = c.sla() != null ? c.sla().limit()
                    : catalog == null || catalog.policy() == null ? null
                    : catalog.policy().timeLimit(c.diseaseCategory());
            if (limit != null && replace(c, planner.replan(c.sla(), limit, c.submittedAt(), calendar, now),
                    catalog)) {
                moved++;
            }
        }
        if (moved > 0) {
            log.info("Computed {} open deadlines of region {} afresh (calendar revision {})", moved, regionCode,
                    calendar.revision());
        }
    }

    private boolean replace(ReviewCase c, SlaClock next, PolicyCopy catalog) {
        SlaClock old = c.sla();
        if (next.sameDeadline(old)) {
            mongo.updateFirst(c.unchanged(), new Update().set("sla.calendarRevision", next.calendarRevision())
                    .inc("version", 1), ReviewCase.class);
            return false;
        }
        timers.schedule(planner.timers(c.applicationNumber(), next));
        Update update = new Update().set("sla", next).inc("version", 1);
        if (c.catalogVersion() == null && catalog != null) {
            update.set("catalogVersion", catalog.version());
        }
        if (mongo.updateFirst(c.unchanged(), update, ReviewCase.class).getModifiedCount() == 0) {
            return false;
        }
        counts.replaced(c.regionCode(), old, next);
        return true;
    }
}
