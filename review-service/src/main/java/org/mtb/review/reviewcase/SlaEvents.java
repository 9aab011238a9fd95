package org.mtb.review.reviewcase;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import com.mongodb.MongoBulkWriteException;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.Set;
import org.mtb.review.outbox.MarkedDocuments;
import org.mtb.review.outbox.PendingOutbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The SLA events of fired timers. Stored in one bulk insert whose ids refuse a second firing; published by the
 * outbox relay after one more check against the case: a case decided before the timer was due, or whose deadline
 * was computed afresh, does not get the event. Publishing moves the case's SLA state and the counts.
 */
@Component
class SlaEvents implements MarkedDocuments {

    private static final Logger log = LoggerFactory.getLogger(SlaEvents.class);
    private static final Duration KEPT = Duration.ofDays(1);

    private final MongoTemplate mongo;
    private final PendingOutbox pendingOutbox;
    private final SlaCounts counts;
    private final Clock clock;
    private final MeterRegistry meters;

    SlaEvents(MongoTemplate mongo, PendingOutbox pendingOutbox, SlaCounts counts, Clock clock, MeterRegistry meters) {
        this.mongo = mongo;
        this.pendingOutbox = pendingOutbox;
        this.counts = counts;
        this.clock = clock;
        this.meters = meters;
    }

    /** Stores the events whose timers did not fire before; answers those stored now. */
    List<SlaEvent> store(List<SlaEvent> events) {
        Set<Integer> refused = new HashSet<>();
        try {
            mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, SlaEvent.class).insert(events).execute();
        } catch (BulkOperationException e) {
            e.getErrors().forEach(error -> refused.add(error.getIndex()));
        } catch (org.springframework.dao.DuplicateKeyException e) {
            if (e.getCause() instanceof MongoBulkWriteException bulk) {
                bulk.getWriteErrors().forEach(error -> refused.add(error.getIndex()));
            } else {
                throw e;
            }
        }
        List<SlaEvent> stored = new java.util.ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            if (!refused.contains(i)) {
                stored.add(events.get(i));
            }
        }
        pendingOutbox.mark(SlaEvent.COLLECTION, stored.stream().map(SlaEvent::id).toList());
        return stored;
    }

    @Override
    public String collection() {
        return SlaEvent.COLLECTION;
    }

    @Override
    public Query unsettled() {
        return Query.query(where("settledAt").is(null));
    }

    @Override
    public void publish(List<Object> documentIds, EventSender sender) {
        List<SlaEvent> events = mongo.find(Query.query(where("_id").in(documentIds)), SlaEvent.class).stream()
                .filter(event -> event.settledAt() == null).toList();
        if (events.isEmpty()) {
            return;
        }
        Query caseQuery = Query.query(where("_id").in(events.stream().map(SlaEvent::applicationNumber).toList()));
        caseQuery.fields().exclude("applicant").exclude("hospital").exclude("conditionSummary").exclude("outbox");
        Map<String, ReviewCase> cases = mongo.find(caseQuery, ReviewCase.class).stream()
                .collect(Collectors.toMap(ReviewCase::applicationNumber, Function.identity()));
        List<SlaEvent> holding = events.stream().filter(event -> holds(event, cases.get(event.applicationNumber())))
                .toList();
        sender.sendAll(holding.stream().map(event -> new OutgoingEvent(event.topic(), event.applicationNumber(),
                event.eventId(), event.payload())).toList());
        recordOnCases(holding, cases);
        mongo.updateMulti(Query.query(where("_id").in(events.stream().map(SlaEvent::id).toList())),
                new Update().set("settledAt", clock.instant()), SlaEvent.class);
        if (holding.size() < events.size()) {
            log.debug("{} SLA event(s) dropped: their case was decided in time or got a new deadline",
                    events.size() - holding.size());
        }
    }

    /** Whether the event still holds: same deadline, and the case was not decided before the timer was due. */
    private static boolean holds(SlaEvent event, ReviewCase c) {
        return c != null && c.sla() != null && c.sla().revision() == event.revision()
                && (c.decision() == null || !c.decision().decidedAt().isBefore(event.dueAt()));
    }

    /**
     * Moves the cases' SLA states in one bulk write of updates conditional on the version read; a case changed
     * meanwhile is moved on its own, read afresh.
     */
    private void recordOnCases(List<SlaEvent> published, Map<String, ReviewCase> cases) {
        List<SlaEvent> moving = published.stream().filter(e -> moves(cases.get(e.applicationNumber()), e)).toList();
        if (moving.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, ReviewCase.class);
        Map<String, SlaEvent> last = new java.util.LinkedHashMap<>();
        moving.forEach(event -> last.merge(event.applicationNumber(), event,
                (a, b) -> b.moves() == SlaState.BREACHED ? b : a));
        last.values().forEach(event -> bulk.updateOne(cases.get(event.applicationNumber()).unchanged(), move(event)));
        if (bulk.execute().getModifiedCount() == last.size()) {
            Map<String, List<SlaEvent>> byRegion = last.values().stream()
                    .collect(Collectors.groupingBy(SlaEvent::regionCode));
            byRegion.forEach((region, moved) -> {
                List<ReviewCase> before = moved.stream().map(e -> cases.get(e.applicationNumber()))
                        .filter(c -> c.status() == CaseStatus.OPEN).toList();
                counts.moved(region, before.stream().map(c -> c.sla().state()).toList(),
                        moved.stream().filter(e -> cases.get(e.applicationNumber()).status() == CaseStatus.OPEN)
                                .map(SlaEvent::moves).toList());
                List<String> breached = moved.stream().filter(e -> e.moves() == SlaState.BREACHED)
                        .map(SlaEvent::applicationNumber).toList();
                if (!breached.isEmpty()) {
                    meters.counter("review.sla.breaches", "region", region).increment(breached.size());
                    log.warn("{} case(s) of region {} breached their deadline: {}", breached.size(), region,
                            breached.size() <= 20 ? breached : breached.subList(0, 20) + " and more");
                }
            });
        } else {
            last.values().forEach(event -> recordOnCase(mongo.findById(event.applicationNumber(), ReviewCase.class),
                    event));
        }
    }

    private static boolean moves(ReviewCase c, SlaEvent event) {
        SlaState before = c.sla().state();
        return before != SlaState.BREACHED && before != event.moves();
    }

    private static Update move(SlaEvent event) {
        return new Update().set("sla.state", event.moves()).inc("version", 1)
                .set(event.moves() == SlaState.BREACHED ? "sla.breachedAt" : "sla.warnedAt", event.firedAt());
    }

    /** One case, retried when it changed meanwhile; nothing to do once it is in the event's state or beyond. */
    private void recordOnCase(ReviewCase c, SlaEvent event) {
        for (int attempt = 0; attempt < 3 && c != null; attempt++) {
            if (c.sla().revision() != event.revision() || !moves(c, event)) {
                return;
            }
            if (mongo.updateFirst(c.unchanged(), move(event), ReviewCase.class).getModifiedCount() == 1) {
                recorded(c, event);
                return;
            }
            c = mongo.findById(c.applicationNumber(), ReviewCase.class);
        }
    }

    private void recorded(ReviewCase before, SlaEvent event) {
        if (before.status() == CaseStatus.OPEN) {
            counts.moved(before.regionCode(), List.of(before.sla().state()), List.of(event.moves()));
        }
        if (event.moves() == SlaState.BREACHED) {
            meters.counter("review.sla.breaches", "region", before.regionCode()).increment();
            log.warn("Case {} in region {} breached its deadline {}", before.applicationNumber(),
                    before.regionCode(), event.dueAt());
        }
    }

    /** Settled events older than a day go; by then every timer of theirs has long been cleared. */
    @Scheduled(initialDelayString = "PT1H", fixedDelayString = "PT1H")
    void removeSettled() {
        Instant before = clock.instant().minus(KEPT);
        long removed = mongo.remove(Query.query(where("settledAt").lt(before)), SlaEvent.class).getDeletedCount();
        if (removed > 0) {
            log.info("Removed {} SLA events settled before {}", removed, before);
        }
    }
}
