package org.mtb.support.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.mtb.support.outbox.PendingOutbox.Mark;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Publishes the events waiting in marked documents' {@code outbox} arrays, and removes each one only after Kafka
 * acknowledged it. A crash between the two publishes an event twice, never zero times; consumers are idempotent
 * on the event id. A relay claims a mark before publishing, so two instances do not both send its events; the claim
 * lapses after {@code claim-duration} should the instance die.
 */
class OutboxRelay implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final PendingOutbox pending;
    private final OutboxStore store;
    private final ParkedEvents parked;
    private final OutboxPublisher publisher;
    private final Map<String, MarkedDocuments> processors;
    private final List<OutboxListener> listeners;
    private final OutboxProperties properties;
    private final OutboxMetrics metrics;
    private final Clock clock;
    private final ExecutorService workers;
    private volatile boolean failing;

    OutboxRelay(PendingOutbox pending, OutboxStore store, ParkedEvents parked, OutboxPublisher publisher,
            List<MarkedDocuments> processors, List<OutboxListener> listeners, OutboxProperties properties,
            OutboxMetrics metrics, Clock clock) {
        this.pending = pending;
        this.store = store;
        this.parked = parked;
        this.publisher = publisher;
        this.processors = processors.stream().collect(Collectors.toMap(MarkedDocuments::collection,
                Function.identity()));
        this.listeners = List.copyOf(listeners);
        this.properties = properties;
        this.metrics = metrics;
        this.clock = clock;
        this.workers = Executors.newFixedThreadPool(properties.parallelism(),
                Thread.ofVirtual().name("outbox-send-", 0).factory());
    }

    @Scheduled(fixedDelayString = "${mtb.outbox.poll-interval:200ms}")
    void publishRound() {
        try {
            Instant now = clock.instant();
            List<Mark> marks = pending.unclaimed(now, properties.batchSize());
            metrics.pending(marks.size(), 0);
            List<Mark> claimed = marks.stream().filter(mark -> pending.claim(mark, now.plus(properties.claimDuration())))
                    .toList();
            Map<String, List<Object>> byCollection = new LinkedHashMap<>();
            for (Mark mark : claimed) {
                byCollection.computeIfAbsent(mark.collection(), c -> new ArrayList<>()).addAll(mark.documentIds());
            }
            byCollection.forEach(this::publish);
            claimed.forEach(mark -> pending.settle(mark, List.of()));
            if (failing) {
                log.info("Publishing events again; the outbox is being drained");
                failing = false;
            }
        } catch (RuntimeException e) {
            if (!failing) {
                log.warn("Cannot publish events now, they stay in the outbox and are retried: {}", e.toString());
                failing = true;
            }
        }
    }

    /** Runs at start too, so that events of an instance that crashed before marking are not left behind. */
    @Scheduled(initialDelay = 0, fixedDelayString = "${mtb.outbox.sweep-interval:10m}")
    void sweep() {
        try {
            for (String collection : properties.collections()) {
                markUnmarked(collection, store.ids(collection, OutboxStore.withEvents()));
            }
            processors.values().forEach(p -> markUnmarked(p.collection(), store.ids(p.collection(), p.unsettled())));
            metrics.parked(parked.count());
        } catch (RuntimeException e) {
            log.warn("Could not search for unmarked events now; the next sweep will: {}", e.toString());
        }
    }

    private void markUnmarked(String collection, List<Object> ids) {
        Set<Object> marked = pending.markedDocumentIds(collection);
        Set<Object> parkedIds = parked.documentIds(collection);
        List<Object> unmarked = ids.stream().filter(id -> !marked.contains(id) && !parkedIds.contains(id)).toList();
        for (int from = 0; from < unmarked.size(); from += properties.batchSize()) {
            pending.mark(collection, unmarked.subList(from, Math.min(unmarked.size(), from + properties.batchSize())));
        }
    }

    @Override
    public void destroy() {
        workers.shutdownNow();
    }

    /** Publishes the marked documents of one collection, a batch at a time; marks go only once all went out. */
    private void publish(String collection, List<Object> marked) {
        List<Object> ids = marked.stream().distinct().toList();
        MarkedDocuments processor = processors.get(collection);
        for (int from = 0; from < ids.size(); from += properties.batchSize()) {
            List<Object> batch = ids.subList(from, Math.min(ids.size(), from + properties.batchSize()));
            if (processor != null) {
                processor.settle(batch);
            } else {
                publishOutboxes(collection, batch);
            }
        }
    }

    /** Sends the events side by side (the producer batches concurrent sends) and waits for every acknowledgement. */
    private void sendAll(List<OutboxEntry> events) {
        List<Future<?>> sends = new ArrayList<>(events.size());
        for (OutboxEntry event : events) {
            sends.add(workers.submit(() -> publisher.publish(event)));
        }
        try {
            for (Future<?> send : sends) {
                send.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while publishing", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
        metrics.published(events.size());
        events.forEach(event -> listeners.forEach(listener -> listener.published(event)));
    }

    /** The events in the documents' {@code outbox} arrays: sent together, then pulled from their documents. */
    private void publishOutboxes(String collection, List<Object> ids) {
        Map<Object, List<OutboxEntry>> events = store.pendingEvents(collection, ids);
        if (events.isEmpty()) {
            return;
        }
        sendAll(events.values().stream().flatMap(List::stream).toList());
        Map<Object, List<String>> sent = new LinkedHashMap<>();
        events.forEach((id, entries) -> sent.put(id, entries.stream().map(OutboxEntry::eventId).toList()));
        store.pullSent(collection, sent);
    }
}
