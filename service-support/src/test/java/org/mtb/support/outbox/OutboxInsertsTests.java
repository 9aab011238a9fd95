package org.mtb.support.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mtb.support.testing.LocalMongo;
import org.mtb.support.testing.TestClock;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A duplicate is refused to its caller alone and only what was stored is marked for the relay; a document whose mark
 * failed stays stored, its caller answered, for the relay's sweep.
 */
@ExtendWith(LocalMongo.class)
class OutboxInsertsTests {

    private static final AtomicInteger TESTS = new AtomicInteger();

    private final TestClock clock = TestClock.at("2026-12-03T09:00:00Z");
    private final MongoTemplate mongo = new MongoTemplate(LocalMongo.client(),
            "outbox_inserts_test_" + TESTS.incrementAndGet());

    @Test
    void refusesADuplicateAndMarksOnlyWhatWasStored() {
        PendingOutbox marks = new PendingOutbox(mongo, clock);
        OutboxInserts inserts = new OutboxInserts(mongo, marks);
        inserts.insert(letter("a"), "a", "letters");

        assertThatThrownBy(() -> inserts.insert(letter("a"), "a", "letters")).isInstanceOf(DuplicateKeyException.class);

        assertThat(marks.unclaimed(clock.instant(), 10)).as("one mark, for the document stored")
                .singleElement().satisfies(mark -> assertThat(mark.documentIds()).containsExactly("a"));
    }

    @Test
    void leavesADocumentWhoseMarkFailedStoredForTheSweep() {
        PendingOutbox failing = new PendingOutbox(mongo, clock) {
            @Override
            public void mark(String collection, Collection<?> documentIds) {
                throw new IllegalStateException("no server within its timeout");
            }
        };
        OutboxInserts inserts = new OutboxInserts(mongo, failing);

        inserts.insert(letter("a"), "a", "letters");

        assertThat(mongo.getCollection("letters").countDocuments()).isEqualTo(1);
        assertThat(new PendingOutbox(mongo, clock).markedDocumentIds("letters")).as("left to the sweep").isEmpty();
    }

    private static Document letter(String id) {
        return new Document("_id", id).append("outbox", List.of(new Document("eventId", "e-" + id)));
    }
}
