package org.mtb.review.reviewcase;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.mtb.contracts.TimeOrderedIds;
import org.mtb.contracts.Topics;
import org.mtb.contracts.review.QualificationExpired;
import org.mtb.contracts.review.RecheckDue;
import org.jspecify.annotations.Nullable;
import org.mtb.review.timer.DueTimer;
import org.mtb.review.timer.DueTimerHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reminds the holder of a qualification's re-check and expires it at its end, as durable timers: once across
 * instances (the poller's claim) and restarts (the timer is stored), and once per qualification whatever fires twice
 * (a reminder is recorded in the qualification, an expiry ends it; both conditional on the case's version). A timer
 * whose qualification is no longer active is stale; a renewed one gets no reminder and expires without a notice.
 */
@Component
class QualificationTimers implements DueTimerHandler {

    private static final Logger log = LoggerFactory.getLogger(QualificationTimers.class);

    private final MongoTemplate mongo;
    private final QualificationTimerPlan plan;
    private final CasePersonalData personalData;
    private final CaseWrites writes;
    private final JsonMapper json;
    private final Clock clock;
    private final MeterRegistry meters;

    QualificationTimers(MongoTemplate mongo, QualificationTimerPlan plan, CasePersonalData personalData,
            CaseWrites writes, JsonMapper json, Clock clock, MeterRegistry meters) {
        this.mongo = mongo;
        this.plan = plan;
        this.personalData = personalData;
        this.writes = writes;
        this.json = json;
        this.clock = clock;
        this.meters = meters;
    }

    @Override
    public Set<String> kinds() {
        return Set.of(QualificationTimerPlan.RECHECK_DUE, QualificationTimerPlan.EXPIRY);
    }

    @Override
    public Prepared prepare(List<DueTimer> soon) {
        return TimedCases.prepare(mongo, soon, this::verdict,
                (current, timer) -> applies(current, timer) && fire(current, timer));
    }

    /** A case whose approval has not granted its qualification yet is read again later. */
    private Verdict verdict(@Nullable ReviewCase c, DueTimer timer) {
        if (c == null || c.qualification() == null && (c.status() == CaseStatus.OPEN
                || c.status() == CaseStatus.IN_PUBLIC_NOTICE)) {
            return Verdict.NOT_YET;
        }
        return applies(c, timer) ? Verdict.DUE : Verdict.STALE;
    }

    private boolean applies(ReviewCase c, DueTimer timer) {
        Qualification q = c.qualification();
        if (q == null || q.status() != Qualification.Status.ACTIVE || q.validTo() == null
                || !timer.at().isBefore(plan.expiryAt(q.validTo(), c.regionCode()).plusSeconds(1))) {
            return false;
        }
        return timer.kind().equals(QualificationTimerPlan.EXPIRY)
                ? timer.at().equals(plan.expiryAt(q.validTo(), c.regionCode()))
                : q.remindedAt() == null && q.successor() == null;
    }

    private boolean fire(ReviewCase c, DueTimer timer) {
        Instant now = clock.instant();
        Qualification q = c.qualification();
        Update update = new Update().inc("version", 1);
        if (timer.kind().equals(QualificationTimerPlan.EXPIRY) && q.successor() != null) {
            update.set("qualification", q.ended(Qualification.Status.EXPIRED, timer.at(), "已由" + q.successor() + "接续"));
        } else if (timer.kind().equals(QualificationTimerPlan.EXPIRY)) {
            QualificationExpired expired = new QualificationExpired(TimeOrderedIds.next(),
                    QualificationExpired.SCHEMA_VERSION, now, c.applicationNumber(), q.number(), c.regionCode(),
                    c.diseaseName(), q.validTo(), personalData.recipient(c));
            update.set("qualification", q.ended(Qualification.Status.EXPIRED, timer.at(), "有效期届满未复核"))
                    .push("outbox", CaseEvents.entry(json, expired, Topics.QUALIFICATION_EXPIRED, now));
        } else {
            RecheckDue reminder = new RecheckDue(TimeOrderedIds.next(), RecheckDue.SCHEMA_VERSION, now,
                    c.applicationNumber(), q.number(), c.regionCode(), c.diseaseName(), q.validTo(),
                    personalData.recipient(c));
            update.set("qualification", q.reminded(now))
                    .push("outbox", CaseEvents.entry(json, reminder, Topics.RECHECK_DUE, now));
        }
        if (!writes.write(c, update)) {
            return false;
        }
        meters.counter("review.qualifications.timers", "kind", timer.kind(), "region", c.regionCode()).increment();
        log.info("Qualification {}: {} at {}", q.number(), timer.kind(), timer.at());
        return true;
    }
}
