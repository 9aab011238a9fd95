package org.mtb.review.reviewcase;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mtb.contracts.Topics;
import org.mtb.contracts.review.ApplicationDecided;
import org.mtb.contracts.review.DecisionOutcome;
import org.mtb.review.sla.SlaCounts;
import org.mtb.support.outbox.OutboxEntry;
import org.mtb.support.outbox.PendingOutbox;
import org.mtb.support.web.FieldProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.mtb.support.security.Caller;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/** Lists cases for reviewers, most urgent deadline first, and records decisions. */
@Service
class ReviewCases {

    private static final Logger log = LoggerFactory.getLogger(ReviewCases.class);

    private final MongoTemplate mongo;
    private final PendingOutbox pendingOutbox;
    private final SlaCounts counts;
    private final JsonMapper json;
    private final Clock clock;
    private final MeterRegistry meters;
    private final CasePersonalData personalData;

    ReviewCases(MongoTemplate mongo, PendingOutbox pendingOutbox, SlaCounts counts, JsonMapper json, Clock clock,
            MeterRegistry meters, CasePersonalData personalData) {
        this.personalData = personalData;
        this.mongo = mongo;
        this.pendingOutbox = pendingOutbox;
        this.counts = counts;
        this.json = json;
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * The cases of the caller's regions, of one region of them when {@code regionCode} is given; for a reviewer
     * narrowed to an institution, only the cases whose diagnosing hospital is that institution.
     */
    List<ReviewCase> list(Caller caller, @Nullable String regionCode, @Nullable CaseStatus status, int limit) {
        Criteria criteria = new Criteria();
        if (regionCode != null) {
            if (!caller.actsIn(regionCode)) {
                return List.of();
            }
            criteria = criteria.and("regionCode").is(regionCode);
        } else if (!caller.isNational()) {
            criteria = criteria.and("regionCode").in(caller.regions());
        }
        if (status != null) {
            criteria = criteria.and("status").is(status);
        }
        if (caller.institution() != null) {
            criteria = criteria.and("hospital.code").is(caller.institution());
        }
        Query query = Query.query(criteria).with(Sort.by("sla.dueAt", "openedAt", "_id")).limit(limit);
        return mongo.find(query, ReviewCase.class);
    }

    Optional<ReviewCase> find(String applicationNumber) {
        return Optional.ofNullable(mongo.findById(applicationNumber, ReviewCase.class));
    }

    /**
     * The case if it is in the caller's scope (its regions, and its institution if narrowed to one); a case outside
     * it is as unknown to the caller.
     */
    Optional<ReviewCase> find(Caller caller, String applicationNumber) {
        return find(applicationNumber).filter(c -> caller.covers(c.regionCode(), c.hospital().code()));
    }

    /** Decides an open case of the caller's regions, as the caller; see {@link #tryDecide}. */
    ReviewCase decide(Caller caller, String applicationNumber, DecisionRequest request) {
        List<FieldProblem> problems = DecisionValidator.validate(request);
        if (!problems.isEmpty()) {
            throw CaseProblems.invalidDecision(problems);
        }
        for (int attempt = 1; ; attempt++) {
            ReviewCase open = find(caller, applicationNumber)
                    .orElseThrow(() -> CaseProblems.notFound(applicationNumber));
            if (open.status() != CaseStatus.OPEN) {
                throw CaseProblems.notOpen(open);
            }
            if (tryDecide(open, request, caller.subject())) {
                return find(applicationNumber).orElseThrow();
            }
            if (attempt == 3) {
                throw CaseProblems.keptChanging(applicationNumber);
            }
        }
    }

    /**
     * One update conditional on the case's version both closes the case and stores its event, so two reviewers
     * deciding at once cannot both win, and the decision cannot be stored without its event. It fails when the
     * case changed meanwhile (another decision, or an SLA timer), and the caller looks again.
     */
    private boolean tryDecide(ReviewCase open, DecisionRequest request, String reviewerId) {
        String applicationNumber = open.applicationNumber();
        Instant now = clock.instant();
        List<String> reasons = request.reasons() == null ? List.of()
                : request.reasons().stream().map(String::strip).toList();
        Decision decision = new Decision(request.outcome(), reasons, reviewerId, now);
        CaseStatus status = request.outcome() == DecisionOutcome.APPROVED ? CaseStatus.APPROVED : CaseStatus.REJECTED;
        ApplicationDecided decided = new ApplicationDecided(UUID.randomUUID(), ApplicationDecided.SCHEMA_VERSION, now,
                applicationNumber, open.regionCode(), open.diseaseCode(), open.diseaseName(), decision.outcome(),
                reasons, decision.reviewerId(), now, personalData.recipient(open));
        OutboxEntry event = CaseEvents.entry(json, decided, Topics.APPLICATION_DECIDED, now);
        Update update = new Update().set("status", status).set("decision", decision).push("outbox", event)
                .inc("version", 1);
        if (mongo.updateFirst(open.unchanged(), update, ReviewCase.class).getModifiedCount() == 0) {
            return false;
        }
        pendingOutbox.mark(ReviewCase.COLLECTION, List.of(applicationNumber));
        if (open.sla() != null) {
            counts.closed(open.regionCode(), open.sla());
        }
        meters.counter("review.decisions.made", "outcome", decision.outcome().name(), "region", open.regionCode())
                .increment();
        log.info("Case {} decided {} by reviewer {}", applicationNumber, status, decision.reviewerId());
        return true;
    }
}
