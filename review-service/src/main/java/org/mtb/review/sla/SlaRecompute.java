package org.mtb.review.sla;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
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

    private final SlaCases cases;
    private final RegionPolicies policies;
    private final RegionCalendars calendars;
    private final SlaPlanner planner;
    private final DueTimers timers;
    private final SlaCounts counts;
    private final Clock clock;

    SlaRecompute(SlaCases cases, RegionPolicies policies, RegionCalendars calendars, SlaPlanner planner,
            DueTimers timers, SlaCounts counts, Clock clock) {
        this.cases = cases;
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

    private void recompute(String regionCode, Predicate<SlaCase> concerned) {
        PolicyCopy catalog = policies.find(regionCode).orElse(null);
        CalendarSnapshot calendar = calendars.calendarFor(regionCode);
        Instant now = clock.instant();
        int moved = 0;
        List<SlaCase> open = new ArrayList<>();
        cases.forEachOpen(regionCode, 500, open::add);
        for (SlaCase c : open) {
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

    private boolean replace(SlaCase c, SlaClock next, @Nullable PolicyCopy catalog) {
        SlaClock old = c.sla();
        if (next.sameDeadline(old)) {
            cases.keepDeadline(c, next.calendarRevision());
            return false;
        }
        timers.schedule(planner.timers(c.applicationNumber(), next));
        if (!cases.replaceDeadline(c, next, catalog == null ? null : catalog.version())) {
            return false;
        }
        counts.replaced(c.regionCode(), old, next);
        return true;
    }
}
