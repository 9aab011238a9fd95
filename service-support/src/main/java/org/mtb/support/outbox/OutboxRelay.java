package org.mtb.support.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.mtb.support.outbox.DocumentSends.Outcome;
import org.mtb.support.outbox.PendingOutbox.Mark;
import org.mtb.support.outbox.PendingOutbox.Remainder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the events waiting in marked documents' {@code outbox} arrays and removes each one only after Kafka
 * acknowledged it: a crash between the two publishes an event twice, never zero times, and consumers drop the second
 * copy by its event id.
 *
 * <p>A round takes the oldest unclaimed marks and claims each (two relays never both take one; a claim lapses after
 * {@code claim-duration} should its relay die), sends the documents side by side and each document's events in the
 * order they were written, and waits at most {@code round-timeout}. It then settles every mark by what became of its
 * documents: sent ones are done; one Kafka could not take now (down, say) is tried again next round; one still in
 * flight waits for its claim to lapse; one Kafka refused (too large, say) gets a mark of its own and counts its
 * attempts, and is parked for ops after {@code max-attempts}, so that it never holds up the others.
 */
class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration GAUGES_EVERY = Duration.ofSeconds(5);

    private final PendingOutbox pending;
    private final OutboxStore store;
    private final ParkedEvents parked;
    private final Map<String, MarkedDocuments> processors;
    private final List<OutboxListener> listeners;
    private final OutboxProperties properties;
    private final OutboxMetrics metrics;
    private final Clock clock;
    private final DocumentSends sends;
    private final OutboxSweep sweep;
    private volatile boolean failing;
    private @Nullable Instant nextGauges;

    OutboxRelay(PendingOutbox pending, OutboxStore store, ParkedEvents parked, OutboxPublisher publisher,
            List<MarkedDocuments> processors, List<OutboxListener> listeners, OutboxProperties properties,
            OutboxMetrics metrics, Clock clock) {
        this.pending = pending;
        this.store = store;
        this.parked = parked;
        this.processors = processors.stream().collect(Collectors.toMap(MarkedDocuments::collection,
                Function.identity()));
        this.listeners = List.copyOf(listeners);
        this.properties = properties;
        this.metrics = metrics;
        this.clock = clock;
        this.sends = new DocumentSends(publisher, OutboxPublisher.Waiting.SENDERS);
        this.sweep = new OutboxSweep(pending, store, parked, processors, properties, metrics);
    }

    /**
     * One round; answers whether it found marks to work on, and so perhaps more are waiting: the caller then starts
     * the next at once, else after {@code poll-interval}.
     */
    boolean publishRound() {
        try {
            Instant now = clock.instant();
            refreshGauges(now);
            Instant claimedUntil = now.plus(properties.claimDuration());
            List<Mark> candidates = new ArrayList<>();
            int documents = 0;
            for (Mark mark : pending.unclaimed(now, properties.batchSize())) {
                // A round takes marks up to batch-size documents (at least one mark, however many it names).
                if (documents >= properties.batchSize()) {
                    break;
                }
                candidates.add(mark);
                documents += mark.documentIds().size();
            }
            Map<String, List<Mark>> byCollection = new LinkedHashMap<>();
            for (Mark mark : pending.claim(candidates, now, claimedUntil)) {
                byCollection.computeIfAbsent(mark.collection(), c -> new ArrayList<>()).add(mark);
            }
            boolean allWent = true;
            for (Map.Entry<String, List<Mark>> collection : byCollection.entrySet()) {
                MarkedDocuments processor = processors.get(collection.getKey());
                allWent &= processor != null ? settle(processor, collection.getValue(), now)
                        : publish(collection.getKey(), collection.getValue(), now, claimedUntil);
            }
            if (allWent && failing) {
                log.info("Publishing events again; the outbox is being drained");
                failing = false;
            }
            boolean found = !byCollection.isEmpty();
            if (allWent && found && documents < properties.batchSize()) {
                linger();
            }
            return allWent && found;
        } catch (RuntimeException e) {
            failed("Cannot publish events now, they stay in the outbox and are retried: {}", e);
            return false;
        }
    }

    /** Lets a round that was not full be joined by the events written meanwhile (see {@code linger}). */
    private void linger() {
        try {
            Thread.sleep(properties.linger());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Marks every document with events that no mark names nor the parking holds; at start, then now and then. */
    void sweep() {
        sweep.run();
    }

    /** Hands a processor its marked documents; those it could not settle are handed over after retry-after. */
    private boolean settle(MarkedDocuments processor, List<Mark> marks, Instant now) {
        Set<Object> unsettled;
        String error = "not settled";
        try {
            unsettled = Set.copyOf(processor.settle(marks.stream().flatMap(m -> m.documentIds().stream())
                    .distinct().toList()));
        } catch (RuntimeException e) {
            unsettled = marks.stream().flatMap(m -> m.documentIds().stream()).collect(Collectors.toSet());
            error = e.toString();
            log.warn("Could not settle marked documents of {} now; they are handed over again: {}",
                    processor.collection(), error);
        }
        Instant retryAt = now.plus(properties.retryAfter());
        List<Mark> done = new ArrayList<>();
        for (Mark mark : marks) {
            List<Object> left = mark.documentIds().stream().filter(unsettled::contains).toList();
            if (left.isEmpty()) {
                done.add(mark);
            } else {
                pending.settle(mark, List.of(new Remainder(left, mark.attempts(), retryAt, error)));
            }
        }
        pending.settled(done);
        return unsettled.isEmpty();
    }

    /**
     * The backlog as ops see it, from every mark (those claimed or waiting for a retry too, which a round does not
     * read), every few seconds rather than every round: a scrape comes every 15 s.
     */
    private void refreshGauges(Instant now) {
        if (nextGauges != null && now.isBefore(nextGauges)) {
            return;
        }
        nextGauges = now.plus(GAUGES_EVERY);
        Instant oldest = pending.oldestMarkedAt();
        metrics.pending(pending.count(), oldest == null ? 0 : Math.max(0, Duration.between(oldest, now).toMillis()));
    }

    private boolean publish(String collection, List<Mark> marks, Instant now, Instant claimedUntil) {
        // Marks of a parked document (a second mark, or one for events added since) wait with it for ops.
        Set<Object> parkedIds = parked.count() == 0 ? Set.of() : parked.documentIds(collection);
        List<Object> ids = marks.stream().flatMap(m -> m.documentIds().stream()).distinct()
                .filter(id -> !parkedIds.contains(id)).toList();
        Map<Object, Outcome> outcomes = sends.send(store.pendingEvents(collection, ids), properties.roundTimeout());
        Map<Object, List<String>> sent = new HashMap<>();
        outcomes.forEach((id, outcome) -> {
            if (!outcome.sent().isEmpty()) {
                sent.put(id, outcome.sent().stream().map(OutboxEntry::eventId).toList());
            }
        });
        store.pullSent(collection, sent);
        int published = 0;
        for (Outcome outcome : outcomes.values()) {
            published += outcome.sent().size();
            outcome.sent().forEach(event -> listeners.forEach(listener -> listener.published(event)));
        }
        metrics.published(published);
        boolean allWent = true;
        List<Mark> done = new ArrayList<>();
        for (Mark mark : marks) {
            if (settle(collection, mark, outcomes, now, claimedUntil)) {
                done.add(mark);
            } else {
                allWent = false;
            }
        }
        pending.settled(done);
        return allWent;
    }

    /**
     * Keeps of a mark what did not go out, each document as its outcome says; answers whether all went, leaving the
     * removal of such a mark to the caller, with the others of the round.
     */
    private boolean settle(String collection, Mark mark, Map<Object, Outcome> outcomes, Instant now,
            Instant claimedUntil) {
        List<Remainder> left = new ArrayList<>();
        List<Object> unavailable = new ArrayList<>();
        List<Object> inFlight = new ArrayList<>();
        String lastError = null;
        for (Object id : mark.documentIds()) {
            Outcome outcome = outcomes.get(id);
            if (outcome == null || outcome.complete()) {
                continue;
            }
            if (outcome.inFlight()) {
                inFlight.add(id);
                metrics.timedOut();
            } else if (outcome.retriable()) {
                unavailable.add(id);
                lastError = outcome.error();
                metrics.retriableFailure();
            } else {
                refused(collection, mark, id, outcome, now).ifPresent(left::add);
            }
        }
        if (!unavailable.isEmpty()) {
            failed("Kafka cannot take events now; they stay in the outbox and are retried: {}", lastError);
            left.add(new Remainder(unavailable, mark.attempts(), now, lastError));
        }
        if (!inFlight.isEmpty()) {
            log.warn("{} document(s) of {} still unacknowledged after {}; retried once their claim lapses",
                    inFlight.size(), collection, properties.roundTimeout());
            left.add(new Remainder(inFlight, mark.attempts(), claimedUntil, "unacknowledged within the round"));
        }
        if (!left.isEmpty()) {
            pending.settle(mark, left);
        }
        return left.isEmpty();
    }

    /** A document whose event Kafka refused: tried again later in a mark of its own, or parked after the last try. */
    private java.util.Optional<Remainder> refused(String collection, Mark mark, Object id, Outcome outcome,
            Instant now) {
        metrics.rejected();
        int attempts = mark.attempts() + 1;
        if (attempts >= properties.maxAttempts()) {
            parked.park(collection, id, outcome.unsent(), attempts, outcome.error(), now);
            metrics.parked(parked.count());
            log.error("Kafka refused the events {} of {} {} {} times; parked for ops (GET /actuator/outbox): {}",
                    outcome.unsent(), collection, id, attempts, outcome.error());
            return java.util.Optional.empty();
        }
        Instant retryAt = now.plus(properties.retryAfter().multipliedBy(attempts));
        log.warn("Kafka refused the event {} of {} {} (attempt {} of {}), retried from {}: {}",
                outcome.unsent().getFirst(), collection, id, attempts, properties.maxAttempts(), retryAt,
                outcome.error());
        return java.util.Optional.of(new Remainder(List.of(id), attempts, retryAt, outcome.error()));
    }

    private void failed(String message, Object error) {
        if (!failing) {
            log.warn(message, error instanceof Throwable t ? t.toString() : error);
            failing = true;
        }
    }
}
