package org.mtb.support.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.mtb.stack.EmbeddedMongo;
import org.mtb.support.testing.TestClock;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A caller has its answer once its document is stored; the mark for the relay follows without keeping it waiting, is
 * written whatever becomes of the caller, and is waited for at an orderly stop.
 */
class OutboxInsertsTests {

    private static final EmbeddedMongo MONGO = EmbeddedMongo.inMemory();
    private static final MongoClient CLIENT = MongoClients.create(MONGO.uri("admin"));
    private static final AtomicInteger TESTS = new AtomicInteger();

    private final TestClock clock = TestClock.at("2026-12-03T09:00:00Z");
    private final MongoTemplate mongo = new MongoTemplate(CLIENT, "outbox_inserts_test_" + TESTS.incrementAndGet());

    @AfterAll
    static void stop() {
        CLIENT.close();
        MONGO.close();
    }

    @Test
    void answersOnceTheDocumentIsStoredAndMarksItBehindTheCaller() throws Exception {
        HeldMarks marks = new HeldMarks(mongo, clock);
        OutboxInserts inserts = new OutboxInserts(mongo, marks);

        try {
            // Answered while the mark is held back; a caller that waited for its mark would time out here.
            CompletableFuture.runAsync(() -> inserts.insert(letter("a"), "a", "letters")).get(5, TimeUnit.SECONDS);
        } finally {
            marks.begun.await(5, TimeUnit.SECONDS);
            assertThat(marks.markedDocumentIds("letters")).as("the mark still held back").isEmpty();
            marks.release.countDown();
        }

        assertThat(mongo.getCollection("letters").countDocuments()).as("stored before the answer").isEqualTo(1);
        Awaitility.await().atMost(Duration.ofSeconds(5))
                .until(() -> marks.markedDocumentIds("letters").equals(Set.of("a")));
        inserts.close();
    }

    @Test
    void refusesADuplicateAndMarksOnlyWhatWasStored() {
        PendingOutbox marks = new PendingOutbox(mongo, clock);
        OutboxInserts inserts = new OutboxInserts(mongo, marks);
        inserts.insert(letter("a"), "a", "letters");

        assertThatThrownBy(() -> inserts.insert(letter("a"), "a", "letters")).isInstanceOf(DuplicateKeyException.class);

        inserts.close();
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
        inserts.close();

        assertThat(mongo.getCollection("letters").countDocuments()).isEqualTo(1);
        assertThat(new PendingOutbox(mongo, clock).markedDocumentIds("letters")).as("left to the sweep").isEmpty();
    }

    @Test
    void waitsAtAnOrderlyStopForTheMarksUnderWay() throws Exception {
        HeldMarks marks = new HeldMarks(mongo, clock);
        OutboxInserts inserts = new OutboxInserts(mongo, marks);
        Thread releaseSoon = Thread.ofVirtual().start(() -> {
            sleep(500);
            marks.release.countDown();
        });
        inserts.insert(letter("a"), "a", "letters");
        assertThat(marks.begun.await(5, TimeUnit.SECONDS)).isTrue();

        long started = System.nanoTime();
        inserts.close();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("waited for the mark")
                .isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(marks.markedDocumentIds("letters")).containsExactly("a");
        releaseSoon.join();
    }

    private static Document letter(String id) {
        return new Document("_id", id).append("outbox", List.of(new Document("eventId", "e-" + id)));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Marks that wait to be released before they are written. */
    private static final class HeldMarks extends PendingOutbox {
        final CountDownLatch begun = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        HeldMarks(MongoTemplate mongo, TestClock clock) {
            super(mongo, clock);
        }

        @Override
        public void mark(String collection, Collection<?> documentIds) {
            begun.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            super.mark(collection, documentIds);
        }
    }
}
