package org.mtb.support.outbox;

import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Marks every document with events that no mark names nor the parking holds: a crash between a write and its mark
 * left it so. A full search of the outbox collections (and of what the processors have not settled), so it runs at
 * start and then every {@code sweep-interval}.
 */
final class OutboxSweep implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(OutboxSweep.class);

    private final PendingOutbox pending;
    private final OutboxStore store;
    private final ParkedEvents parked;
    private final List<MarkedDocuments> processors;
    private final OutboxProperties properties;
    private final OutboxMetrics metrics;

    OutboxSweep(PendingOutbox pending, OutboxStore store, ParkedEvents parked, List<MarkedDocuments> processors,
            OutboxProperties properties, OutboxMetrics metrics) {
        this.pending = pending;
        this.store = store;
        this.parked = parked;
        this.processors = List.copyOf(processors);
        this.properties = properties;
        this.metrics = metrics;
    }

    @Override
    public void run() {
        try {
            for (String collection : properties.collections()) {
                markUnmarked(collection, store.ids(collection, OutboxStore.withEvents()));
            }
            processors.forEach(p -> markUnmarked(p.collection(), store.ids(p.collection(), p.unsettled())));
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
        if (!unmarked.isEmpty()) {
            log.info("Found {} document(s) of {} with events but no mark (a crash between a write and its mark)",
                    unmarked.size(), collection);
        }
    }
}
