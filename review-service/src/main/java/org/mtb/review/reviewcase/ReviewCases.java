package org.mtb.review.reviewcase;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.mtb.contracts.TimeOrderedIds;
import org.mtb.contracts.Topics;
import org.mtb.contracts.review.ApplicationDecided;
import org.mtb.contracts.review.DecisionOutcome;
import org.mtb.review.policy.RegionPolicies;
import org.mtb.review.sla.SlaCounts;
import org.mtb.review.timer.DueTimers;
import org.mtb.support.outbox.OutboxEntry;
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
    private final CaseWrites writes;
    private final SlaCounts counts;
    private final JsonMapper json;
    private final Clock clock;
    private final MeterRegistry meters;
    private final CasePersonalData personalData;

    private final RegionPolicies policies;
    private final Approvals approvals;
    private final DueTimers timers;
    private final PanelVotes panel;

    ReviewCases(MongoTemplate mongo, CaseWrites writes, SlaCounts counts, JsonMapper json, Clock clock,
            MeterRegistry meters, CasePersonalData personalData, RegionPolicies policies, Approvals approvals,
            DueTimers timers, PanelVotes panel) {
        this.panel = panel;
        this.policies = policies;
        this.approvals = approvals;
        this.timers = timers;
        this.personalData = personalData;
        this.mongo = mongo;
        this.writes = writes;
        this.counts = counts;
        this.json = json;
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * One page of the queue, earliest deadline first (cases without a deadline, whose region's time limit has not
     * arrived, first of all: they need attention), after {@code cursor}, within the caller's scope: its regions, and
     * for a reviewer narrowed to an institution only the cases diagnosed there.
     */
    QueuePage page(Caller caller, QueueFilter filter, @Nullable QueueCursor cursor, int limit) {
        @Nullable Criteria criteria = filter.criteria(caller, clock.instant());
        if (criteria == null) {
            return new QueuePage(List.of(), null);
        }
        if (cursor != null) {
            criteria = new Criteria().andOperator(criteria, cursor.following());
        }
        Query query = Query.query(criteria).with(Sort.by("sla.dueAt", "openedAt", "_id")).limit(limit + 1);
        List<ReviewCase> found = mongo.find(query, ReviewCase.class);
        if (found.size() <= limit) {
            return new QueuePage(found, null);
        }
        List<ReviewCase> page = found.subList(0, limit);
        return new QueuePage(page, QueueCursor.after(page.getLast()));
    }

    /** @param next where the following page starts; null on the last page */
    record QueuePage(List<ReviewCase> cases, @Nullable QueueCursor next) {
    }

    Optional<ReviewCase> find(String applicationNumber) {
        return Optional.ofNullable(mongo.findById(applicationNumber, ReviewCase.class));
    }

    /**
     * The case if it is in the caller's scope (its regions, and its institution if narrowed to one); a case outside
     * it is as unknown to the caller.
     */
    Optional<ReviewCase> find(Caller caller, String applicationNumber) {
        return find(applicationNumber).filter(c -> caller.covers(c.regionCode(), c.reviewingInstitution()));
    }

    /**
     * Decides an open case of the caller's regions, as the caller; see {@link #tryDecide}. In a case decided by a
     * panel a reviewer's decision is a vote ({@link PanelVotes}); a supervisor's decides, as the panel's chair.
     */
    ReviewCase decide(Caller caller, String applicationNumber, DecisionRequest request) {
        List<FieldProblem> problems = new ArrayList<>(DecisionValidator.validate(request));
        for (int attempt = 1; ; attempt++) {
            ReviewCase open = find(caller, applicationNumber)
                    .orElseThrow(() -> CaseProblems.notFound(applicationNumber));
            if (problems.isEmpty() && open.status() != CaseStatus.OPEN) {
                throw CaseProblems.notOpen(open);
            }
            DecisionRules.Checked checked = DecisionRules.check(request,
                    policies.find(open.regionCode()).orElse(null), open.diseaseCode(), problems);
            if (!problems.isEmpty()) {
                throw CaseProblems.invalidDecision(problems);
            }
            boolean vote = open.panelSize() > 1 && !caller.has(org.mtb.support.security.Role.SUPERVISOR);
            if (!vote) {
                open.requireNoOtherHolder(caller.username(), clock.instant());
            }
            if (vote ? panel.vote(open, request, checked, caller, this::tryDecide)
                    : tryDecide(open, request, checked, caller.subject(), null)) {
                return find(applicationNumber).orElseThrow();
            }
            if (attempt == 3) {
                throw CaseProblems.keptChanging(applicationNumber);
            }
        }
    }

    /**
     * One update conditional on the case's version both closes the case and stores its events, so two reviewers
     * deciding at once cannot both win, and the decision cannot be stored without its events. It fails when the
     * case changed meanwhile (another decision, a claim, or an SLA timer), and the caller looks again. An approval
     * enters the region's public notice or grants the qualification at once ({@link Approvals}); the notice's end
     * timer is written first, and finds the case in notice or does nothing. A panel's decision stores its
     * {@code votes} with it.
     */
    boolean tryDecide(ReviewCase open, DecisionRequest request, DecisionRules.Checked checked, String reviewerId,
            @Nullable List<PanelVote> votes) {
        String applicationNumber = open.applicationNumber();
        Instant now = clock.instant();
        List<String> reasons = checked.told(request);
        Decision decision = new Decision(request.outcome(), reasons, reviewerId, now, checked.reasonCodes(),
                checked.checklist());
        Approvals.@Nullable Approval approval = request.outcome() == DecisionOutcome.APPROVED
                ? approvals.approve(open, now) : null;
        CaseStatus status = approval == null ? CaseStatus.REJECTED : approval.status();
        ApplicationDecided decided = new ApplicationDecided(TimeOrderedIds.next(), ApplicationDecided.SCHEMA_VERSION, now,
                applicationNumber, open.regionCode(), open.diseaseCode(), open.diseaseName(), decision.outcome(),
                reasons, decision.reviewerId(), now, personalData.recipient(open), checked.reasonCodes(),
                approval == null ? null : approval.effectiveFrom(),
                approval == null || approval.notice() == null ? null : approval.notice().until());
        Update update = new Update().set("status", status).set("decision", decision).inc("version", 1);
        if (votes != null) {
            update.set("votes", votes);
        }
        List<OutboxEntry> events = new ArrayList<>();
        events.add(CaseEvents.entry(json, decided, Topics.APPLICATION_DECIDED, now));
        if (approval != null) {
            events.addAll(approval.events());
            timers.schedule(approval.timers());
            if (approval.notice() != null) {
                update.set("notice", approval.notice());
            }
            if (approval.qualification() != null) {
                update.set("qualification", approval.qualification());
            }
        }
        update.push("outbox").each(events.toArray());
        if (!writes.write(open, update)) {
            return false;
        }
        if (open.sla() != null) {
            counts.closed(open.regionCode(), open.sla());
        }
        meters.counter("review.decisions.made", "outcome", decision.outcome().name(), "region", open.regionCode())
                .increment();
        log.info("Case {} decided {} by reviewer {}", applicationNumber, status, decision.reviewerId());
        return true;
    }
}
