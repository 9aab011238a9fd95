package org.mtb.review.reviewcase;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mtb.contracts.TimeOrderedIds;
import org.mtb.contracts.Topics;
import org.mtb.contracts.catalog.ReviewRules;
import org.mtb.contracts.review.ReviewExtended;
import org.mtb.review.calendar.RegionCalendars;
import org.mtb.review.policy.PolicyCopy;
import org.mtb.review.policy.RegionPolicies;
import org.mtb.review.sla.SlaClock;
import org.mtb.review.sla.SlaCounts;
import org.mtb.review.sla.SlaPlanner;
import org.mtb.review.timer.DueTimers;
import org.mtb.support.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Extensions of a deadline where the region's policy allows them: a reviewer asks with a reason, a supervisor
 * approves or refuses; an approval moves the deadline by the policy's length, its timers with it (the old ones go
 * stale with the deadline's revision), at most as often as the policy allows, and tells the applicant.
 */
@Service
class Extensions {

    private static final Logger log = LoggerFactory.getLogger(Extensions.class);

    private final ReviewCases cases;
    private final RegionPolicies policies;
    private final RegionCalendars calendars;
    private final SlaPlanner planner;
    private final SlaCounts counts;
    private final DueTimers timers;
    private final CaseWrites writes;
    private final CasePersonalData personalData;
    private final JsonMapper json;
    private final Clock clock;
    private final MeterRegistry meters;

    Extensions(ReviewCases cases, RegionPolicies policies, RegionCalendars calendars,
            SlaPlanner planner, SlaCounts counts, DueTimers timers, CaseWrites writes,
            CasePersonalData personalData, JsonMapper json, Clock clock, MeterRegistry meters) {
        this.cases = cases;
        this.policies = policies;
        this.calendars = calendars;
        this.planner = planner;
        this.counts = counts;
        this.timers = timers;
        this.writes = writes;
        this.personalData = personalData;
        this.json = json;
        this.clock = clock;
        this.meters = meters;
    }

    ReviewCase request(Caller reviewer, String applicationNumber, String reason) {
        for (int attempt = 1; attempt <= 3; attempt++) {
            ReviewCase c = openCase(reviewer, applicationNumber);
            Instant now = clock.instant();
            c.requireNoOtherHolder(reviewer.username(), now);
            ReviewRules.Extension allowed = allowed(c);
            List<CaseExtension> made = c.extensionRequests();
            if (made.stream().anyMatch(e -> e.status() == CaseExtension.Status.REQUESTED)) {
                throw ExtensionProblems.pending(c);
            }
            if (approved(made) >= allowed.atMost()) {
                throw ExtensionProblems.limitReached(c, allowed.atMost());
            }
            CaseExtension request = new CaseExtension(made.size() + 1, reviewer.username(), now, reason,
                    CaseExtension.Status.REQUESTED, null, null, null, null, null);
            if (writes.write(c, new Update().push("extensions", request).inc("version", 1))) {
                meters.counter("review.extensions", "action", "requested", "region", c.regionCode()).increment();
                log.info("Case {}: extension {} requested by {}", applicationNumber, request.number(),
                        reviewer.username());
                return cases.find(applicationNumber).orElseThrow();
            }
        }
        throw CaseProblems.keptChanging(applicationNumber);
    }

    ReviewCase decide(Caller supervisor, String applicationNumber, int number, boolean approve, String answer) {
        for (int attempt = 1; attempt <= 3; attempt++) {
            ReviewCase c = cases.find(supervisor, applicationNumber)
                    .orElseThrow(() -> CaseProblems.notFound(applicationNumber));
            List<CaseExtension> made = c.extensionRequests();
            CaseExtension request = made.stream().filter(e -> e.number() == number).findFirst()
                    .orElseThrow(() -> ExtensionProblems.notFound(applicationNumber, number));
            if (request.status() != CaseExtension.Status.REQUESTED) {
                throw ExtensionProblems.alreadyDecided(request);
            }
            Instant now = clock.instant();
            Update update = new Update().inc("version", 1);
            @Nullable SlaClock extended = null;
            CaseExtension decided;
            if (approve) {
                if (c.status() != CaseStatus.OPEN || c.sla() == null) {
                    throw CaseProblems.notOpen(c);
                }
                extended = planner.extended(c.sla(), allowed(c).by(), calendars.calendarFor(c.regionCode()), now);
                decided = new CaseExtension(number, request.requestedBy(), request.requestedAt(), request.reason(),
                        CaseExtension.Status.APPROVED, supervisor.username(), now, answer, promised(c.sla()),
                        promised(extended));
                ReviewExtended event = new ReviewExtended(TimeOrderedIds.next(), ReviewExtended.SCHEMA_VERSION, now,
                        applicationNumber, c.regionCode(), c.diseaseName(), approved(made) + 1, promised(c.sla()),
                        promised(extended), request.reason(), personalData.recipient(c));
                update.set("sla", extended).push("outbox", CaseEvents.entry(json, event, Topics.REVIEW_EXTENDED, now));
                timers.schedule(planner.timers(applicationNumber, extended));
            } else {
                decided = new CaseExtension(number, request.requestedBy(), request.requestedAt(), request.reason(),
                        CaseExtension.Status.REFUSED, supervisor.username(), now, answer, null, null);
            }
            List<CaseExtension> next = new ArrayList<>(made);
            next.set(made.indexOf(request), decided);
            update.set("extensions", next);
            if (writes.write(c, update)) {
                if (extended != null) {
                    counts.replaced(c.regionCode(), c.sla(), extended);
                }
                meters.counter("review.extensions", "action", approve ? "approved" : "refused", "region",
                        c.regionCode()).increment();
                log.info("Case {}: extension {} {} by {}{}", applicationNumber, number, approve ? "approved"
                        : "refused", supervisor.username(), extended == null ? "" : ", due " + extended.dueAt());
                return cases.find(applicationNumber).orElseThrow();
            }
        }
        throw CaseProblems.keptChanging(applicationNumber);
    }

    private ReviewCase openCase(Caller caller, String applicationNumber) {
        ReviewCase c = cases.find(caller, applicationNumber).orElseThrow(() -> CaseProblems.notFound(applicationNumber));
        if (c.status() != CaseStatus.OPEN || c.sla() == null) {
            throw CaseProblems.notOpen(c);
        }
        return c;
    }

    private ReviewRules.Extension allowed(ReviewCase c) {
        ReviewRules.Extension allowed = policies.find(c.regionCode()).map(PolicyCopy::policy)
                .map(policy -> policy.reviewRules().extension()).orElse(null);
        if (allowed == null) {
            throw ExtensionProblems.notAllowed(c);
        }
        return allowed;
    }

    /**
     * The deadline the applicant is told: the case's due moment, or for a case due at once (whose due moment is its
     * acceptance) the end of its grace, which is what an extension moves.
     */
    private static Instant promised(SlaClock sla) {
        return sla.limit().kind() == org.mtb.contracts.catalog.ReviewTimeLimit.Kind.IMMEDIATE ? sla.breachAt()
                : sla.dueAt();
    }

    private static int approved(List<CaseExtension> made) {
        return (int) made.stream().filter(e -> e.status() == CaseExtension.Status.APPROVED).count();
    }
}
