package org.mtb.review.sla;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.mtb.contracts.DiseaseCategory;
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
 * Keeps every open deadline as its region's calendar and catalog say: a deadline counted under an older calendar
 * revision (a year's schedule loaded, so a provisional deadline becomes exact; or the region's own calendar replacing
 * the national default) is computed afresh, and a case opened without a deadline gets one once its region's catalog
 * has a time limit for it. A case keeps the time limit of the catalog version it was opened under.
 *
 * <p>It is a reconcile that can run any number of times, not a reaction that must run once: a region is checked when
 * its copy changes or its event is delivered again, once more after {@code reconcile-again-after} (for cases another
 * instance opened under its cached older copy), and every region every {@code reconcile-interval} (for a check lost in
 * a crash). A case that changed between the read and the write is read again and retried. Open cases are read a batch
 * at a time, never a whole region at once. Runs on a loop of its own ({@link #round()}), never on a consumer's thread.
 */
@Component
class SlaRecompute {

    private static final Logger log = LoggerFactory.getLogger(SlaRecompute.class);
    private static final int BATCH = 500;
    private static final int ATTEMPTS = 5;

    private final SlaCases cases;
    private final RegionPolicies policies;
    private final RegionCalendars calendars;
    private final SlaPlanner planner;
    private final DueTimers timers;
    private final SlaCounts counts;
    private final SlaProperties properties;
    private final Clock clock;
    private final Set<String> requested = ConcurrentHashMap.newKeySet();
    private final Map<String, Instant> lookAgain = new ConcurrentHashMap<>();
    private @Nullable Instant nextFullPass;

    SlaRecompute(SlaCases cases, RegionPolicies policies, RegionCalendars calendars, SlaPlanner planner,
            DueTimers timers, SlaCounts counts, SlaProperties properties, Clock clock) {
        this.cases = cases;
        this.policies = policies;
        this.calendars = calendars;
        this.planner = planner;
        this.timers = timers;
        this.counts = counts;
        this.properties = properties;
        this.clock = clock;
    }

    @EventListener
    void calendarChanged(CalendarChanged changed) {
        request(changed.regionCode());
    }

    @EventListener
    void policyChanged(RegionPolicyChanged changed) {
        request(changed.regionCode());
    }

    private void request(String regionCode) {
        requested.add(regionCode);
        lookAgain.put(regionCode, clock.instant().plus(properties.reconcileAgainAfter()));
    }

    /**
     * One round of the loop: the regions asked for and those due a second look, in one read of their open cases,
     * or now and then every open case. Should it fail, the regions are asked for again and the full check stays due.
     */
    synchronized void round() {
        Instant now = clock.instant();
        if (nextFullPass == null) {
            nextFullPass = now.plus(properties.reconcileDelay());
        }
        Set<String> regions = new TreeSet<>();
        for (String region : List.copyOf(requested)) {
            requested.remove(region);
            regions.add(region);
        }
        lookAgain.forEach((region, at) -> {
            if (!at.isAfter(now) && lookAgain.remove(region, at)) {
                regions.add(region);
            }
        });
        try {
            if (!now.isBefore(nextFullPass)) {
                reconcile(null);
                nextFullPass = now.plus(properties.reconcileInterval());
            } else if (!regions.isEmpty()) {
                reconcile(regions);
            }
        } catch (RuntimeException e) {
            requested.addAll(regions);
            throw e;
        }
    }

    /** Computes afresh every open deadline of those regions (of every region if null) that their copies make stale. */
    int reconcile(@Nullable Set<String> regionCodes) {
        Map<String, Inputs> inputs = new HashMap<>();
        AtomicInteger moved = new AtomicInteger();
        cases.forEachOpen(regionCodes, BATCH, c -> {
            Inputs in = inputs.computeIfAbsent(c.regionCode(), this::inputs);
            if (in.concerns(c) && recompute(c, in)) {
                moved.incrementAndGet();
            }
        });
        if (moved.get() > 0) {
            log.info("Computed {} open deadlines of {} afresh (calendar revisions {})", moved.get(),
                    regionCodes == null ? "every region" : "regions " + regionCodes, inputs.entrySet().stream()
                            .map(e -> e.getKey() + ":" + e.getValue().calendar().revision()).sorted().toList());
        }
        return moved.get();
    }

    /** One case, retried on a fresh read while it changes under the write (a timer firing, a decision). */
    private boolean recompute(SlaCase first, Inputs in) {
        SlaCase c = first;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            SlaClock old = c.sla();
            ReviewTimeLimit limit = old != null ? old.limit() : in.limitFor(c.diseaseCategory());
            if (limit == null) {
                return false;
            }
            SlaClock next = planner.replan(old, limit, c.submittedAt(), in.calendar(), clock.instant());
            if (next.sameDeadline(old)) {
                if (cases.keepDeadline(c, next.calendarRevision())) {
                    return false;
                }
            } else {
                timers.schedule(planner.timers(c.applicationNumber(), next));
                if (cases.replaceDeadline(c, next, in.catalogVersion())) {
                    counts.replaced(c.regionCode(), old, next);
                    return true;
                }
            }
            c = cases.find(c.applicationNumber());
            if (c == null || !c.open() || !in.concerns(c)) {
                return false;
            }
        }
        log.warn("Case {} kept changing while its deadline was computed afresh; the next reconcile tries again",
                first.applicationNumber());
        return false;
    }

    private Inputs inputs(String regionCode) {
        return new Inputs(policies.find(regionCode).orElse(null), calendars.calendarFor(regionCode));
    }

    /** What a region's deadlines are counted with now. */
    private record Inputs(@Nullable PolicyCopy catalog, CalendarSnapshot calendar) {

        @Nullable ReviewTimeLimit limitFor(DiseaseCategory category) {
            return catalog == null || catalog.policy() == null ? null : catalog.policy().timeLimit(category);
        }

        @Nullable String catalogVersion() {
            return catalog == null ? null : catalog.version();
        }

        /** Counted under an older calendar revision, or without a deadline where the catalog now has a limit. */
        boolean concerns(SlaCase c) {
            SlaClock sla = c.sla();
            return sla == null ? limitFor(c.diseaseCategory()) != null : sla.calendarRevision() < calendar.revision();
        }
    }
}
