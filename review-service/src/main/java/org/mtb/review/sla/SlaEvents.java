package org.mtb.review.sla;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.mtb.contracts.Topics;
import org.mtb.contracts.review.SlaBreached;
import org.mtb.contracts.review.SlaWarning;
import org.mtb.support.outbox.MarkedDocuments;
import org.mtb.support.outbox.OutboxEntry;
import org.mtb.support.outbox.OutboxPublisher;
import org.mtb.support.outbox.PendingOutbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns recorded {@link SlaFiring}s into events. For each case, one update conditional on the version just read
 * moves its SLA state and stores {@code SlaWarning} or {@code SlaBreached} in its outbox; a case already moved (by
 * the other instance's firing of the same timer, or an earlier run), decided before the timer was due, or given a
 * new deadline, is left alone. A firing is deleted once all its cases were settled. Run by the outbox relay, which
 * then publishes the cases' outboxes.
 */
@Component
class SlaEvents implements MarkedDocuments {

    private static final Logger log = LoggerFactory.getLogger(SlaEvents.class);

    private final MongoTemplate mongo;
    private final SlaCases cases;
    private final SlaCounts counts;
    private final MeterRegistry meters;
    private final JsonMapper json;
    private final FiringSends sends;

    SlaEvents(MongoTemplate mongo, SlaCases cases, PendingOutbox pendingOutbox, SlaCounts counts,
            MeterRegistry meters, JsonMapper json, OutboxPublisher publisher) {
        this.mongo = mongo;
        this.cases = cases;
        this.counts = counts;
        this.meters = meters;
        this.json = json;
        this.sends = new FiringSends(mongo, pendingOutbox, publisher);
    }

    /**
     * Records timers that fired together (one insert) and sends their events at once, built from the cases as they
     * were read just ahead of the moment (the cases' own writes, thousands of them, would hold the events up for
     * seconds). Only then is the firing marked for settling, which moves the cases and, where Kafka did not take the
     * events now, stores them in the cases' outboxes: an event has one id however often it is sent. A firing whose
     * sending a crash cut short has no mark; the relay's sweep finds it.
     */
    void firedAndSend(SlaFiring firing, Map<String, SlaCase> read) {
        try {
            mongo.insert(firing);
        } catch (DuplicateKeyException firedElsewhere) {
            // Another instance fired the same timers and sends their events; its crash leaves the firing unmarked,
            // for the sweep.
            return;
        }
        Map<String, List<OutboxEntry>> byCase = new LinkedHashMap<>();
        firing.timers().stream().sorted(Comparator.comparing(SlaFiring.Fired::moves)).forEach(f -> byCase
                .computeIfAbsent(f.applicationNumber(), number -> new ArrayList<>())
                .add(event(firing, f, read.get(f.applicationNumber()))));
        sends.sendThenMark(firing, byCase.values());
    }

    @Override
    public String collection() {
        return SlaFiring.COLLECTION;
    }

    @Override
    public Query unsettled() {
        return new Query();
    }

    /** Settles each firing on its own: one whose cases keep changing is handed back, the others go on. */
    @Override
    public List<Object> settle(List<Object> documentIds) {
        List<SlaFiring> firings = new ArrayList<>(mongo.find(Query.query(where("_id").in(documentIds)),
                SlaFiring.class));
        // In the order they fired, and of those fired in the same millisecond the earlier due first: a warning
        // fired together with its breach (the service was down past both) is settled before it.
        firings.sort(Comparator.comparing(SlaFiring::firedAt).thenComparing(firing -> firing.timers()
                .stream().map(SlaFiring.Fired::dueAt).min(Comparator.naturalOrder()).orElseThrow()));
        List<Object> unsettled = new ArrayList<>();
        for (SlaFiring firing : firings) {
            try {
                settle(firing);
                mongo.remove(Query.query(where("_id").is(firing.id())), SlaFiring.class);
            } catch (RuntimeException e) {
                log.warn("SLA firing {} not settled now; it is handed over again: {}", firing.id(), e.toString());
                unsettled.add(firing.id());
            }
        }
        return unsettled;
    }

    private void settle(SlaFiring firing) {
        List<SlaFiring.Fired> pending = new ArrayList<>(firing.timers());
        for (int attempt = 0; attempt < 3 && !pending.isEmpty(); attempt++) {
            pending = moveCases(firing, pending);
        }
        if (!pending.isEmpty()) {
            log.warn("{} case(s) kept changing while their SLA timers were settled; the next sweep retries them",
                    pending.size());
            throw new IllegalStateException("SLA firing " + firing.id() + " not settled");
        }
    }

    /** One bulk write of conditional updates; answers the timers whose case changed meanwhile, to try again. */
    private List<SlaFiring.Fired> moveCases(SlaFiring firing, List<SlaFiring.Fired> timers) {
        Map<String, SlaCase> read = cases.find(
                timers.stream().map(SlaFiring.Fired::applicationNumber).distinct().toList());
        Map<String, List<SlaFiring.Fired>> byCase = timers.stream().collect(Collectors.groupingBy(
                SlaFiring.Fired::applicationNumber, LinkedHashMap::new, Collectors.toList()));
        List<Move> moves = new ArrayList<>();
        byCase.forEach((number, fired) -> {
            SlaCase c = read.get(number);
            // A warning and a breach due together (the service was down past both): the warning first.
            List<SlaFiring.Fired> holding = fired.stream().filter(f -> holds(f, c))
                    .sorted(Comparator.comparing(SlaFiring.Fired::moves)).toList();
            if (!holding.isEmpty()) {
                moves.add(new Move(holding, c, holding.stream().map(f -> event(firing, f, c)).toList()));
            }
        });
        if (moves.isEmpty()) {
            return List.of();
        }
        boolean all = cases.move(moves.stream().map(move -> move.change(firing)).toList()) == moves.size();
        // Rarely some case changed between the read and the write: the moves whose event is now stored are done
        // (the write won); the others are tried again on a fresh read, where a decision or new deadline drops them.
        List<Move> done = all ? moves : moved(moves, firing);
        cases.marked(done.stream().map(m -> m.c().applicationNumber()).toList());
        recorded(done);
        return all ? List.of() : moves.stream().filter(m -> !done.contains(m)).flatMap(m -> m.fired().stream()).toList();
    }

    /**
     * The moves whose write won though the bulk's count fell short: their case now holds this firing's moment for
     * the state it moved to (its event may already be published and gone from the outbox).
     */
    private List<Move> moved(List<Move> moves, SlaFiring firing) {
        Map<String, SlaCase> now = cases.find(moves.stream().map(m -> m.c().applicationNumber()).toList());
        return moves.stream().filter(m -> {
            SlaCase c = now.get(m.c().applicationNumber());
            SlaClock sla = c == null ? null : c.sla();
            return sla != null && sla.state() == m.after() && firing.firedAt().equals(
                    m.after() == SlaState.BREACHED ? sla.breachedAt() : sla.warnedAt());
        }).toList();
    }

    /**
     * Whether the timer still applies: the same deadline (revision and moment), not yet moved, and not decided before
     * it was due.
     */
    private static boolean holds(SlaFiring.Fired fired, @Nullable SlaCase c) {
        if (c == null || c.sla() == null || c.sla().revision() != fired.revision()
                || !fired.dueAt().equals(c.sla().moment(fired.moves()))) {
            return false;
        }
        SlaState state = c.sla().state();
        if (state == SlaState.BREACHED || state == fired.moves()) {
            return false;
        }
        if (!c.open() && c.decision() == null) {
            // Returned for supplement, withdrawn or closed unsupplemented meanwhile: its clock has stopped.
            return false;
        }
        return c.decision() == null || !c.decision().decidedAt().isBefore(fired.dueAt());
    }

    /**
     * The event of a timer that still holds. Its id is the timer's (case, deadline revision, state, moment), so that
     * the event sent at once, stored again by a settling that did not know, or sent by another instance that fired
     * the same timer, is one event to every consumer.
     */
    private OutboxEntry event(SlaFiring firing, SlaFiring.Fired fired, SlaCase c) {
        SlaClock sla = c.sla();
        UUID eventId = UUID.nameUUIDFromBytes((c.applicationNumber() + "/" + fired.revision() + "/" + fired.moves()
                + "/" + fired.dueAt()).getBytes(StandardCharsets.UTF_8));
        boolean warning = fired.moves() == SlaState.WARNED;
        Object event = warning
                ? new SlaWarning(eventId, SlaWarning.SCHEMA_VERSION, firing.firedAt(), c.applicationNumber(),
                        c.regionCode(), c.diseaseCategory(), sla.dueAt(), Duration.ofMillis(fired.workingTimeLeftMillis()),
                        sla.provisional(), c.catalogVersion())
                : new SlaBreached(eventId, SlaBreached.SCHEMA_VERSION, firing.firedAt(), c.applicationNumber(),
                        c.regionCode(), c.diseaseCategory(), sla.breachAt(), sla.provisional(), c.catalogVersion());
        return new OutboxEntry(eventId.toString(), warning ? Topics.SLA_WARNING : Topics.SLA_BREACHED,
                c.applicationNumber(), json.writeValueAsString(event), firing.firedAt());
    }

    private void recorded(List<Move> done) {
        Map<String, List<Move>> byRegion = done.stream().collect(Collectors.groupingBy(m -> m.c().regionCode()));
        byRegion.forEach((region, moved) -> {
            List<Move> open = moved.stream().filter(m -> m.c().open()).toList();
            counts.moved(region, open.stream().map(m -> m.c().sla().state()).toList(),
                    open.stream().map(Move::after).toList());
            List<String> breached = moved.stream().filter(m -> m.after() == SlaState.BREACHED)
                    .map(m -> m.c().applicationNumber()).toList();
            if (!breached.isEmpty()) {
                meters.counter("review.sla.breaches", "region", region).increment(breached.size());
                log.warn("{} case(s) of region {} breached their deadline: {}", breached.size(), region,
                        breached.size() <= 20 ? breached : breached.subList(0, 20) + " and more");
            }
        });
    }

    /** The timers of one case that still hold, warning first, and their events. */
    private record Move(List<SlaFiring.Fired> fired, SlaCase c, List<OutboxEntry> events) {

        SlaState after() {
            return fired.getLast().moves();
        }

        /** The case's new state, when each timer was acted on, and, unless they were sent, the events in its outbox. */
        SlaCases.StateChange change(SlaFiring firing) {
            Update update = new Update().inc("version", 1).set("sla.state", after());
            if (!firing.published()) {
                update.push("outbox").each(events.toArray());
            }
            fired.forEach(f -> update.set(f.moves() == SlaState.BREACHED ? "sla.breachedAt" : "sla.warnedAt",
                    firing.firedAt()));
            return new SlaCases.StateChange(c, update);
        }
    }
}
