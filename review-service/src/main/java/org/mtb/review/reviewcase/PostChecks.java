package org.mtb.review.reviewcase;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.mtb.contracts.TimeOrderedIds;
import org.mtb.contracts.Topics;
import org.mtb.contracts.review.QualificationRevoked;
import org.mtb.support.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * The post-check (事后审核) of an instant filing: a reviewer confirms it, or revokes its qualification with the reason
 * the applicant reads. One update conditional on the case's version, with its event.
 */
@Service
class PostChecks {

    private static final Logger log = LoggerFactory.getLogger(PostChecks.class);

    private final ReviewCases cases;
    private final CaseWrites writes;
    private final CasePersonalData personalData;
    private final JsonMapper json;
    private final Clock clock;
    private final MeterRegistry meters;

    PostChecks(ReviewCases cases, CaseWrites writes, CasePersonalData personalData,
            JsonMapper json, Clock clock, MeterRegistry meters) {
        this.cases = cases;
        this.writes = writes;
        this.personalData = personalData;
        this.json = json;
        this.clock = clock;
        this.meters = meters;
    }

    enum Outcome {
        CONFIRMED,
        REVOKED
    }

    ReviewCase check(Caller reviewer, String applicationNumber, Outcome outcome, String reason) {
        for (int attempt = 1; attempt <= 3; attempt++) {
            ReviewCase c = cases.find(reviewer, applicationNumber)
                    .orElseThrow(() -> CaseProblems.notFound(applicationNumber));
            if (c.status() != CaseStatus.FILED || c.qualification() == null) {
                throw CaseProblems.notFiled(c);
            }
            Instant now = clock.instant();
            c.requireNoOtherHolder(reviewer.username(), now);
            Qualification q = c.qualification();
            Decision decision = new Decision(outcome == Outcome.CONFIRMED
                    ? org.mtb.contracts.review.DecisionOutcome.APPROVED
                    : org.mtb.contracts.review.DecisionOutcome.REJECTED, List.of(reason), reviewer.subject(), now,
                    null, null);
            Update update = new Update().set("decision", decision).inc("version", 1);
            if (outcome == Outcome.CONFIRMED) {
                update.set("status", CaseStatus.APPROVED);
            } else {
                QualificationRevoked revoked = new QualificationRevoked(TimeOrderedIds.next(),
                        QualificationRevoked.SCHEMA_VERSION, now, applicationNumber, q.number(), c.regionCode(),
                        c.diseaseName(), reason, reviewer.username(), personalData.recipient(c));
                update.set("status", CaseStatus.REVOKED)
                        .set("qualification", q.ended(Qualification.Status.REVOKED, now, reason))
                        .push("outbox", CaseEvents.entry(json, revoked, Topics.QUALIFICATION_REVOKED, now));
            }
            if (writes.write(c, update)) {
                meters.counter("review.post.checks", "outcome", outcome.name(), "region", c.regionCode()).increment();
                log.info("Instant filing {} {} by {}", applicationNumber, outcome, reviewer.username());
                return cases.find(applicationNumber).orElseThrow();
            }
        }
        throw CaseProblems.keptChanging(applicationNumber);
    }
}
