package org.mtb.review.reviewcase;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.mtb.contracts.TimeOrderedIds;
import org.mtb.contracts.Topics;
import org.mtb.contracts.review.ObjectionRaised;
import org.mtb.contracts.review.ObjectionSettled;
import org.mtb.contracts.review.QualificationGranted;
import org.mtb.support.outbox.OutboxEntry;
import org.mtb.support.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public notice (公示) of approvals, where a region's policy has one: its open list, objections raised during it,
 * a supervisor's settlement, and its end, when the qualification takes effect unless an objection was upheld. Every
 * change is one update of the case conditional on its version, with the event that tells the applicant.
 */
@Service
class PublicNotices {

    private static final Logger log = LoggerFactory.getLogger(PublicNotices.class);
    static final List<CaseStatus> NOTICED = List.of(CaseStatus.IN_PUBLIC_NOTICE, CaseStatus.UNDER_OBJECTION);

    private final MongoTemplate mongo;
    private final ReviewCases cases;
    private final Approvals approvals;
    private final Objectors objectors;
    private final CasePersonalData personalData;
    private final CaseWrites writes;
    private final JsonMapper json;
    private final Clock clock;
    private final MeterRegistry meters;
    private final org.mtb.review.timer.DueTimers timers;

    PublicNotices(MongoTemplate mongo, ReviewCases cases, Approvals approvals, Objectors objectors,
            CasePersonalData personalData, CaseWrites writes, JsonMapper json, Clock clock,
            MeterRegistry meters, org.mtb.review.timer.DueTimers timers) {
        this.timers = timers;
        this.mongo = mongo;
        this.cases = cases;
        this.approvals = approvals;
        this.objectors = objectors;
        this.personalData = personalData;
        this.writes = writes;
        this.json = json;
        this.clock = clock;
        this.meters = meters;
    }

    /** The region's approvals in notice now, the earliest notice first. */
    List<ReviewCase> open(String regionCode) {
        Query query = Query.query(where("regionCode").is(regionCode).and("status").in(NOTICED))
                .with(Sort.by("notice.from", "_id"));
        return mongo.find(query, ReviewCase.class);
    }

    /** Records an objection to an approval in notice; the case waits for a supervisor. */
    ReviewCase raise(Caller caller, String regionCode, String applicationNumber, ObjectionBody body) {
        for (int attempt = 1; attempt <= 3; attempt++) {
            ReviewCase c = inNotice(regionCode, applicationNumber);
            Instant now = clock.instant();
            if (!now.isBefore(c.notice().endsAt())) {
                throw NoticeProblems.noticeEnded(c);
            }
            String id = "OBJ-" + applicationNumber + "-" + (c.notice().objections().size() + 1);
            objectors.keep(id, applicationNumber, body, caller, now);
            List<PublicNotice.Objection> objections = new ArrayList<>(c.notice().objections());
            objections.add(new PublicNotice.Objection(id, now, caller.username(), PublicNotice.Objection.Status.RAISED,
                    null, null, null));
            ObjectionRaised raised = new ObjectionRaised(TimeOrderedIds.next(), ObjectionRaised.SCHEMA_VERSION, now,
                    applicationNumber, id, c.regionCode(), c.diseaseName(), personalData.recipient(c));
            Update update = new Update().set("status", CaseStatus.UNDER_OBJECTION).set("notice.objections", objections)
                    .push("outbox", CaseEvents.entry(json, raised, Topics.OBJECTION_RAISED, now)).inc("version", 1);
            if (writes.write(c, update)) {
                meters.counter("review.objections", "action", "raised", "region", c.regionCode()).increment();
                log.info("Objection {} raised against case {} by {}", id, applicationNumber, caller.username());
                return cases.find(applicationNumber).orElseThrow();
            }
        }
        throw CaseProblems.keptChanging(applicationNumber);
    }

    /**
     * A supervisor upholds an objection (the approval is withdrawn) or dismisses it (the notice goes on; past its end
     * with nothing else unsettled, the qualification takes effect at once).
     */
    ReviewCase settle(Caller supervisor, String applicationNumber, String objectionId, boolean upheld, String reason) {
        for (int attempt = 1; attempt <= 3; attempt++) {
            ReviewCase c = cases.find(supervisor, applicationNumber)
                    .orElseThrow(() -> CaseProblems.notFound(applicationNumber));
            PublicNotice notice = c.notice();
            PublicNotice.Objection raised = notice == null ? null : notice.objections().stream()
                    .filter(o -> o.id().equals(objectionId)).findFirst().orElse(null);
            if (raised == null) {
                throw NoticeProblems.objectionNotFound(applicationNumber, objectionId);
            }
            if (raised.status() != PublicNotice.Objection.Status.RAISED) {
                throw NoticeProblems.alreadySettled(raised);
            }
            Instant now = clock.instant();
            List<PublicNotice.Objection> objections = notice.objections().stream().map(o -> o.id().equals(objectionId)
                    ? new PublicNotice.Objection(o.id(), o.raisedAt(), o.raisedBy(), upheld
                            ? PublicNotice.Objection.Status.UPHELD : PublicNotice.Objection.Status.DISMISSED,
                            supervisor.username(), now, reason) : o).toList();
            PublicNotice settled = new PublicNotice(notice.from(), notice.until(), notice.endsAt(), objections,
                    upheld ? now : null);
            ObjectionSettled event = new ObjectionSettled(TimeOrderedIds.next(), ObjectionSettled.SCHEMA_VERSION, now,
                    applicationNumber, objectionId, c.regionCode(), c.diseaseName(), upheld, reason,
                    personalData.recipient(c));
            List<OutboxEntry> events = new ArrayList<>(List.of(CaseEvents.entry(json, event, Topics.OBJECTION_SETTLED,
                    now)));
            Update update = new Update().set("notice", settled).inc("version", 1);
            if (c.status() != CaseStatus.UNDER_OBJECTION) {
                // The approval was withdrawn by an objection upheld before: this one is recorded, the case stays.
                update.set("notice", new PublicNotice(notice.from(), notice.until(), notice.endsAt(), objections,
                        notice.endedAt()));
            } else if (upheld) {
                update.set("status", CaseStatus.OBJECTION_UPHELD);
            } else if (settled.anyUnsettled()) {
                update.set("status", CaseStatus.UNDER_OBJECTION);
            } else if (now.isBefore(notice.endsAt())) {
                update.set("status", CaseStatus.IN_PUBLIC_NOTICE);
            } else {
                grant(c, settled, now, update, events);
            }
            update.push("outbox").each(events.toArray());
            if (writes.write(c, update)) {
                meters.counter("review.objections", "action", upheld ? "upheld" : "dismissed", "region",
                        c.regionCode()).increment();
                log.info("Objection {} to case {} {} by {}", objectionId, applicationNumber,
                        upheld ? "upheld" : "dismissed", supervisor.username());
                return cases.find(applicationNumber).orElseThrow();
            }
        }
        throw CaseProblems.keptChanging(applicationNumber);
    }

    /**
     * The notice's end at {@code at} (its timer's moment): the qualification takes effect unless an objection is
     * unsettled (then at its dismissal).
     */
    boolean end(ReviewCase c, Instant at) {
        if (c.status() != CaseStatus.IN_PUBLIC_NOTICE || c.notice() == null || at.isBefore(c.notice().endsAt())) {
            return false;
        }
        Update update = new Update().inc("version", 1);
        List<OutboxEntry> events = new ArrayList<>();
        grant(c, c.notice(), at, update, events);
        update.push("outbox").each(events.toArray());
        if (!writes.write(c, update)) {
            return false;
        }
        log.info("Public notice of case {} ended; qualification in effect", c.applicationNumber());
        return true;
    }

    private void grant(ReviewCase c, PublicNotice notice, Instant now, Update update, List<OutboxEntry> events) {
        Approvals.Approval granted = approvals.granted(c,
                Approvals.afterNotice(notice, now, approvals.zoneOf(c.regionCode())), now,
                QualificationGranted.Grant.REVIEW, null, false);
        timers.schedule(granted.timers());
        update.set("status", CaseStatus.APPROVED).set("qualification", granted.qualification())
                .set("notice", new PublicNotice(notice.from(), notice.until(), notice.endsAt(), notice.objections(),
                        now));
        events.addAll(granted.events());
    }

    private ReviewCase inNotice(String regionCode, String applicationNumber) {
        ReviewCase c = cases.find(applicationNumber).filter(found -> found.regionCode().equals(regionCode))
                .filter(found -> NOTICED.contains(found.status()) && found.notice() != null)
                .orElseThrow(() -> NoticeProblems.notInNotice(regionCode, applicationNumber));
        return c;
    }
}
