package org.mtb.support.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.mtb.support.mongo.GroupCommit;
import org.mtb.support.mongo.UnorderedInserts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Inserts new documents that carry events in their {@code outbox}, and marks them for the relay. Requests that come
 * at the same time (a busy intake's concurrent submissions) are inserted in one unordered bulk command per collection;
 * each caller still learns whether its own document was stored. The group's mark is written behind the callers, who
 * have their answer once their document is stored: a submission waits for one command fewer. Should the mark fail, or
 * the service stop before it is written, the document is stored and its events are published once the relay's sweep
 * finds it (at the next start, and every {@code mtb.outbox.sweep-interval}). On an orderly stop, marks under way are
 * waited for ({@link #close()}).
 */
public class OutboxInserts implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OutboxInserts.class);
    /** How long an orderly stop waits for marks under way. */
    private static final Duration MARKS_AT_STOP = Duration.ofSeconds(10);

    private final MongoTemplate mongo;
    private final PendingOutbox pending;
    private final GroupCommit<Insert> inserting = new GroupCommit<>(this::insertAll);
    private final Set<Thread> marking = ConcurrentHashMap.newKeySet();

    public OutboxInserts(MongoTemplate mongo, PendingOutbox pending) {
        this.mongo = mongo;
        this.pending = pending;
    }

    /**
     * Stores {@code document} (an entity mapped as {@link MongoTemplate#insert(Object, String)} would) in
     * {@code collection}; its mark for the relay follows.
     *
     * @param id the document's {@code _id}, as the mark names it
     * @throws DuplicateKeyException when a unique index holds its key already; nothing was stored then
     */
    public void insert(Object document, Object id, String collection) {
        inserting.write(new Insert(document, id, collection));
    }

    private List<@Nullable RuntimeException> insertAll(List<Insert> group) {
        Map<String, List<Integer>> byCollection = new LinkedHashMap<>();
        for (int i = 0; i < group.size(); i++) {
            byCollection.computeIfAbsent(group.get(i).collection(), c -> new ArrayList<>()).add(i);
        }
        List<@Nullable RuntimeException> failures = new ArrayList<>(Collections.nCopies(group.size(), null));
        byCollection.forEach((collection, indexes) -> insertInto(collection, indexes, group, failures));
        return failures;
    }

    private void insertInto(String collection, List<Integer> indexes, List<Insert> group,
            List<@Nullable RuntimeException> failures) {
        UnorderedInserts.Outcome outcome = UnorderedInserts.insert(mongo,
                group.get(indexes.getFirst()).document().getClass(), collection,
                indexes.stream().map(i -> group.get(i).document()).toList());
        for (int i = 0; i < indexes.size(); i++) {
            failures.set(indexes.get(i), outcome.exceptionFor(i));
        }
        List<Object> stored = indexes.stream().filter(i -> failures.get(i) == null).map(i -> group.get(i).id())
                .toList();
        if (!stored.isEmpty()) {
            markBehind(collection, stored);
        }
    }

    /**
     * Marks the stored documents on a thread of its own, so that neither the group's callers nor the next group wait
     * for it. Marks begun together are still written in one command ({@link PendingOutbox#mark}).
     */
    private void markBehind(String collection, List<Object> stored) {
        Thread mark = Thread.ofVirtual().name("outbox-mark").unstarted(() -> {
            try {
                pending.mark(collection, stored);
            } catch (RuntimeException markFailed) {
                log.warn("{} document(s) of {} stored without their mark; the relay's sweep publishes their events: {}",
                        stored.size(), collection, markFailed.toString());
            } finally {
                marking.remove(Thread.currentThread());
            }
        });
        marking.add(mark);
        mark.start();
    }

    /** Waits, up to 10 s in all, for the marks under way; one not written by then is left to the relay's sweep. */
    @Override
    public void close() {
        long deadline = System.nanoTime() + MARKS_AT_STOP.toNanos();
        for (Thread mark : List.copyOf(marking)) {
            long left = deadline - System.nanoTime();
            try {
                if (left <= 0 || !mark.join(Duration.ofNanos(left))) {
                    log.warn("{} mark(s) of stored documents not written at stop; the relay's sweep publishes their"
                            + " events at the next start", marking.size());
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private record Insert(Object document, Object id, String collection) {
    }
}
