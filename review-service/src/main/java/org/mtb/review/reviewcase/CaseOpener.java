package org.mtb.review.reviewcase;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.mtb.contracts.TimeOrderedIds;
import org.mtb.contracts.Topics;
import org.mtb.contracts.catalog.ReviewTimeLimit;
import org.mtb.contracts.intake.ApplicationSubmitted;
import org.mtb.contracts.review.ReviewStarted;
import org.mtb.review.calendar.RegionCalendars;
import org.mtb.review.policy.PolicyCopy;
import org.mtb.review.policy.RegionPolicies;
import org.mtb.review.sla.SlaClock;
import org.mtb.review.sla.SlaCounts;
import org.mtb.review.sla.SlaPlanner;
import org.mtb.review.timer.DueTimer;
import org.mtb.review.timer.DueTimers;
import org.mtb.support.outbox.OutboxEntry;
import org.mtb.support.mongo.UnorderedInserts;
import org.mtb.support.outbox.PendingOutbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Opens a case for each submitted application, with its deadline from the region's policy and calendar, a poll's
 * submissions together. The case id is the application number, so the insert is its own idempotency check. Its timers are stored before the case:
 * if the service stops in between, the submission is delivered again and the case opened then, while a timer
 * without its case is ignored when it falls due.
 */
@Service
class CaseOpener {

    private static final Logger log = LoggerFactory.getLogger(CaseOpener.class);
    /** Withdrawals that reached review before their submission did, by application number. */
    static final String WITHDRAWN_BEFORE_OPENED = "withdrawn_before_opened";

    private final MongoTemplate mongo;
    private final RegionPolicies policies;
    private final RegionCalendars calendars;
    private final SlaPlanner planner;
    private final DueTimers timers;
    private final PendingOutbox pendingOutbox;
    private final SlaCounts counts;
    private final JsonMapper json;
    private final Clock clock;
    private final MeterRegistry meters;
    private final InstantFilings instantFilings;

    CaseOpener(MongoTemplate mongo, RegionPolicies policies, RegionCalendars calendars, SlaPlanner planner,
            DueTimers timers, PendingOutbox pendingOutbox, SlaCounts counts, JsonMapper json, Clock clock,
            MeterRegistry meters, InstantFilings instantFilings) {
        this.instantFilings = instantFilings;
        this.mongo = mongo;
        this.policies = policies;
        this.calendars = calendars;
        this.planner = planner;
        this.timers = timers;
        this.pendingOutbox = pendingOutbox;
        this.counts = counts;
        this.json = json;
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * Opens the cases of a poll's submissions together: one read of which are open already, one write of every
     * timer, one unordered insert of the cases, one mark; a submission seen before (redelivered, or twice in the
     * poll) opens nothing. Cases stored before a failure are marked before it is thrown, so that a retry, which finds
     * them open, leaves nothing unpublished.
     */
    void openAll(List<ApplicationSubmitted> submissions) {
        Map<String, ApplicationSubmitted> byNumber = new LinkedHashMap<>();
        for (ApplicationSubmitted submitted : submissions) {
            if (byNumber.putIfAbsent(submitted.applicationNumber(), submitted) != null) {
                duplicate(submitted);
            }
        }
        Set<String> open = openAmong(byNumber.keySet());
        Map<String, org.bson.Document> withdrawn = withdrawnAmong(byNumber.keySet());
        List<ReviewCase> opening = new ArrayList<>();
        List<DueTimer> timersOfAll = new ArrayList<>();
        Instant now = clock.instant();
        for (ApplicationSubmitted submitted : byNumber.values()) {
            if (open.contains(submitted.applicationNumber())) {
                duplicate(submitted);
            } else if (withdrawn.containsKey(submitted.applicationNumber())) {
                opening.add(closedCase(newCase(submitted, now, new ArrayList<>()),
                        withdrawn.get(submitted.applicationNumber())));
            } else {
                opening.add(newCase(submitted, now, timersOfAll));
            }
        }
        if (!timersOfAll.isEmpty()) {
            timers.schedule(timersOfAll);
        }
        UnorderedInserts.Outcome inserted = UnorderedInserts.insert(mongo, ReviewCase.class, ReviewCase.COLLECTION,
                opening);
        List<ReviewCase> opened = new ArrayList<>(opening.size());
        for (int i = 0; i < opening.size(); i++) {
            if (inserted.stored(i)) {
                opened.add(opening.get(i));
            } else if (inserted.duplicate(i)) {
                duplicate(byNumber.get(opening.get(i).applicationNumber()));
            }
        }
        pendingOutbox.mark(ReviewCase.COLLECTION, opened.stream().map(ReviewCase::applicationNumber).toList());
        counted(opened);
        if (inserted.refusedOtherwise()) {
            throw Objects.requireNonNull(inserted.failure());
        }
    }

    private ReviewCase newCase(ApplicationSubmitted submitted, Instant now, List<DueTimer> timersOfAll) {
        String number = submitted.applicationNumber();
        @Nullable PolicyCopy catalog = policies.find(submitted.regionCode()).orElse(null);
        var calendar = calendars.calendarFor(submitted.regionCode());
        @Nullable InstantFiling filing = instantFilings.check(submitted, catalog, now, calendar.calendar().zone());
        boolean filedAtOnce = filing != null && filing.held();
        @Nullable ReviewTimeLimit limit = catalog == null || catalog.policy() == null || filedAtOnce ? null
                : catalog.policy().timeLimit(submitted.diseaseCategory());
        @Nullable SlaClock sla = limit == null ? null : planner.plan(limit, submitted.submittedAt(), calendar);
        if (sla != null) {
            timersOfAll.addAll(planner.timers(number, sla));
        }
        ReviewStarted started = new ReviewStarted(TimeOrderedIds.next(), ReviewStarted.SCHEMA_VERSION, now, number,
                submitted.regionCode(), now, sla == null ? null : sla.dueAt());
        OutboxEntry event = CaseEvents.entry(json, started, Topics.REVIEW_STARTED, now);
        ReviewCase opened = new ReviewCase(number, submitted.eventId().toString(), submitted.regionCode(),
                submitted.diseaseCode(), submitted.diseaseName(), submitted.diseaseCategory(), submitted.applicant(),
                submitted.hospital(), submitted.conditionSummary(), submitted.channel(), submitted.submittedAt(), now,
                CaseStatus.OPEN, null, catalog == null ? null : catalog.version(), sla, 0L, List.of(event), List.of(),
                null, null, null, null, null, null, succession(submitted), CaseRouting.of(catalog == null
                        || catalog.policy() == null ? null : catalog.policy().reviewRules().routing(), number,
                        submitted.diseaseCode(), submitted.hospital()), null);
        if (filing == null) {
            return opened;
        }
        meters.counter("review.instant.filings", "region", submitted.regionCode(), "held", Boolean.toString(filedAtOnce))
                .increment();
        return instantFilings.filed(opened, filing, catalog.policy().reviewRules().instantFiling().postCheck(), now,
                timersOfAll);
    }

    private static ReviewCase.@Nullable Succession succession(ApplicationSubmitted submitted) {
        return submitted.kind() == null || submitted.kind() == org.mtb.contracts.intake.ApplicationKind.NEW
                || submitted.qualificationNumber() == null ? null
                : new ReviewCase.Succession(submitted.kind(), submitted.qualificationNumber());
    }

    /** The case of an application withdrawn before it arrived: closed at once, with no timer and no event. */
    private static ReviewCase closedCase(ReviewCase opened, org.bson.Document withdrawal) {
        return new ReviewCase(opened.applicationNumber(), opened.submittedEventId(), opened.regionCode(),
                opened.diseaseCode(), opened.diseaseName(), opened.diseaseCategory(), opened.applicant(),
                opened.hospital(), opened.conditionSummary(), opened.channel(), opened.submittedAt(), opened.openedAt(),
                CaseStatus.WITHDRAWN, null, opened.catalogVersion(), opened.sla(), opened.version(), List.of(),
                List.of(), new ReviewCase.Closing(CaseStatus.WITHDRAWN, withdrawal.getDate("withdrawnAt").toInstant(),
                        withdrawal.getString("eventId"), withdrawal.getString("reason")), null, null, null, null, null,
                opened.succession(), opened.routing(), null);
    }

    /** The withdrawals kept for these applications before their cases opened: one find by id for a poll. */
    private Map<String, org.bson.Document> withdrawnAmong(Collection<String> numbers) {
        Map<String, org.bson.Document> withdrawn = new java.util.HashMap<>();
        mongo.find(Query.query(where("_id").in(numbers)), org.bson.Document.class, WITHDRAWN_BEFORE_OPENED)
                .forEach(d -> withdrawn.put(d.getString("_id"), d));
        return withdrawn;
    }

    private void counted(List<ReviewCase> opened) {
        Map<String, List<SlaClock>> clocksByRegion = new LinkedHashMap<>();
        for (ReviewCase reviewCase : opened.stream().filter(c -> c.status() == CaseStatus.OPEN).toList()) {
            if (reviewCase.sla() != null) {
                clocksByRegion.computeIfAbsent(reviewCase.regionCode(), r -> new ArrayList<>()).add(reviewCase.sla());
            }
            meters.counter("review.cases.opened", "region", reviewCase.regionCode()).increment();
            if (reviewCase.sla() == null) {
                log.warn("Case {} opened for {} in region {} without a deadline: {}; it gets one when the catalog "
                        + "brings it", reviewCase.applicationNumber(), reviewCase.diseaseCode(), reviewCase.regionCode(),
                        reviewCase.catalogVersion() == null ? "the region's catalog has not arrived yet"
                                : "catalog " + reviewCase.catalogVersion() + " has no time limit for "
                                        + reviewCase.diseaseCategory());
            } else {
                log.info("Case {} opened for {} in region {} under catalog {}, due {}{}", reviewCase.applicationNumber(),
                        reviewCase.diseaseCode(), reviewCase.regionCode(), reviewCase.catalogVersion(), reviewCase.sla().dueAt(),
                        reviewCase.sla().provisional() ? " (provisional)" : "");
            }
        }
        clocksByRegion.forEach(counts::opened);
    }

    /**
     * Which of these cases exist, by a find on the ids alone: {@code MongoTemplate.exists} counts, which the embedded
     * MongoDB answers by reading every case.
     */
    private Set<String> openAmong(Collection<String> numbers) {
        Query byId = Query.query(where("_id").in(numbers));
        byId.fields().include("_id");
        Set<String> open = new HashSet<>();
        mongo.find(byId, org.bson.Document.class, ReviewCase.COLLECTION).forEach(d -> open.add(d.getString("_id")));
        return open;
    }

    private void duplicate(ApplicationSubmitted submitted) {
        meters.counter("review.events.duplicates").increment();
        log.debug("Case {} is already open; event {} ignored", submitted.applicationNumber(), submitted.eventId());
    }
}
