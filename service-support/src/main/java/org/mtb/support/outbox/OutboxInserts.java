package org.mtb.support.outbox;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.mtb.support.mongo.GroupCommit;
import org.mtb.support.mongo.UnorderedInserts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Inserts new documents that carry events in their {@code outbox}, and marks them for the relay. Requests that come
 * at the same time (a busy intake's concurrent submissions) are inserted in one unordered bulk command per collection
 * and marked in one more, instead of two commands each; each caller still learns whether its own document was
 * stored. Should the mark fail after the insert, the document is stored and its events are published once the
 * relay's sweep finds it.
 */
public class OutboxInserts {

    private static final Logger log = LoggerFactory.getLogger(OutboxInserts.class);

    private final MongoTemplate mongo;
    private final PendingOutbox pending;
    private final GroupCommit<Insert> inserting = new GroupCommit<>(this::insertAll);

    public OutboxInserts(MongoTemplate mongo, PendingOutbox pending) {
        this.mongo = mongo;
        this.pending = pending;
    }

    /**
     * Stores {@code document} (an entity mapped as {@link MongoTemplate#insert(Object, String)} would) in
     * {@code collection} and marks it for the relay.
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
        try {
            pending.mark(collection, stored);
        } catch (RuntimeException markFailed) {
            log.warn("{} document(s) of {} stored without their mark; the relay's sweep publishes their events: {}",
                    stored.size(), collection, markFailed.toString());
        }
    }

    private record Insert(Object document, Object id, String collection) {
    }
}
