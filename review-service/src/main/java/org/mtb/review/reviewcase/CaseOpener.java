package org.mtb.review.reviewcase;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
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
import org.mtb.review.timer.DueTimers;
import org.mtb.support.outbox.OutboxEntry;
import org.mtb.support.outbox.PendingOutbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Opens a case for each submitted application, with its deadline from the region's policy and calendar. The case
 * id is the application number, so the insert is its own idempotency check. Its timers are stored before the case:
 * if the service stops in between, the submission is delivered again and the case opened then, while a timer
 * without its case is ignored when it falls due.
 */
@Service
class CaseOpener {

    private static final Logger log = LoggerFactory.getLogger(CaseOpener.class);

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

    CaseOpener(MongoTemplate mongo, RegionPolicies policies, RegionCalendars calendars, SlaPlanner planner,
            DueTimers timers, PendingOutbox pendingOutbox, SlaCounts counts, JsonMapper json, Clock clock,
            MeterRegistry meters) {
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

    void open(ApplicationSubmitted submitted) {
        String number = submitted.applicationNumber();
        if (isOpen(number)) {
            duplicate(submitted);
            return;
        }
        @Nullable PolicyCopy catalog = policies.find(submitted.regionCode()).orElse(null);
        @Nullable ReviewTimeLimit limit = catalog == null || catalog.policy() == null ? null
                : catalog.policy().timeLimit(submitted.diseaseCategory());
        @Nullable SlaClock sla = limit == null ? null : planner.plan(limit, submitted.submittedAt(),
                calendars.calendarFor(submitted.regionCode()));
        if (sla != null) {
            timers.schedule(planner.timers(number, sla));
        }
        Instant now = clock.instant();
        ReviewStarted started = new ReviewStarted(UUID.randomUUID(), ReviewStarted.SCHEMA_VERSION, now, number,
                submitted.regionCode(), now);
        OutboxEntry event = new OutboxEntry(started.eventId().toString(), Topics.REVIEW_STARTED, number,
                json.writeValueAsString(started), now);
        ReviewCase opened = new ReviewCase(number, submitted.eventId().toString(), submitted.regionCode(),
                submitted.diseaseCode(), submitted.diseaseName(), submitted.diseaseCategory(), submitted.applicant(),
                submitted.hospital(), submitted.conditionSummary(), submitted.channel(), submitted.submittedAt(), now,
                CaseStatus.OPEN, null, catalog == null ? null : catalog.version(), sla, 0L, List.of(event));
        try {
            mongo.insert(opened);
        } catch (DuplicateKeyException alreadyOpen) {
            duplicate(submitted);
            return;
        }
        pendingOutbox.mark(ReviewCase.COLLECTION, List.of(number));
        if (sla != null) {
            counts.opened(submitted.regionCode(), sla);
        }
        meters.counter("review.cases.opened", "region", submitted.regionCode()).increment();
        if (sla == null) {
            log.warn("Case {} opened for {} in region {} without a deadline: {}; it gets one when the catalog "
                    + "brings it", number, submitted.diseaseCode(), submitted.regionCode(), catalog == null
                    ? "the region's catalog has not arrived yet"
                    : "catalog " + catalog.version() + " has no time limit for " + submitted.diseaseCategory());
        } else {
            log.info("Case {} opened for {} in region {} under catalog {}, due {}{}", number,
                    submitted.diseaseCode(), submitted.regionCode(), catalog.version(), sla.dueAt(),
                    sla.provisional() ? " (provisional)" : "");
        }
    }

    /**
     * By a find on the id alone: {@code MongoTemplate.exists} counts, which the embedded MongoDB answers by reading
     * every case.
     */
    private boolean isOpen(String number) {
        Query byId = Query.query(where("_id").is(number));
        byId.fields().include("_id");
        return mongo.findOne(byId, org.bson.Document.class, ReviewCase.COLLECTION) != null;
    }

    private void duplicate(ApplicationSubmitted submitted) {
        meters.counter("review.events.duplicates").increment();
        log.debug("Case {} is already open; event {} ignored", submitted.applicationNumber(), submitted.eventId());
    }
}
