package org.mtb.support.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mtb.support.outbox.PendingOutbox.Mark;
import org.mtb.support.outbox.PendingOutbox.Remainder;
import org.mtb.support.testing.LocalMongo;
import org.mtb.support.testing.TestClock;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/** Claiming marks: in one command when every mark read is still as read, and never one another relay changed since. */
@ExtendWith(LocalMongo.class)
class PendingOutboxTests {

    private static final AtomicInteger TESTS = new AtomicInteger();

    private final TestClock clock = TestClock.at("2026-12-01T09:00:00Z");
    private final MongoTemplate mongo = new MongoTemplate(LocalMongo.client(),
            "pending_outbox_test_" + TESTS.incrementAndGet());
    private final PendingOutbox marks = new PendingOutbox(mongo, clock);

    @Test
    void claimsEveryMarkReadAsItWasInOneCommand() {
        marks.mark("letters", List.of("a"));
        marks.mark("letters", List.of("b"));
        List<Mark> read = marks.unclaimed(now(), 10);
        MongoTemplate counted = spy(mongo);

        List<Mark> claimed = new PendingOutbox(counted, clock).claim(read, now(), now().plusSeconds(30));

        assertThat(claimed).isEqualTo(read);
        verify(counted, never()).find(any(Query.class), eq(Document.class), anyString());
        assertThat(marks.unclaimed(now(), 10)).as("held by the claim").isEmpty();
        marks.settled(claimed);
        assertThat(mongo.getCollection(PendingOutbox.MARKS).countDocuments()).as("settled at the count claimed")
                .isZero();
    }

    @Test
    void leavesAMarkAnotherRelayClaimedAndKeptSinceItWasReadToTheNextRound() {
        marks.mark("letters", List.of("a"));
        clock.advance(Duration.ofMillis(1));
        marks.mark("letters", List.of("b"));
        List<Mark> readByThisRelay = marks.unclaimed(now(), 10);
        // Meanwhile another relay claims the first mark, Kafka refuses its document, and it keeps it for a retry now.
        Mark other = marks.claim(readByThisRelay.subList(0, 1), now(), now().plusSeconds(30)).getFirst();
        marks.settle(other, List.of(new Remainder(List.of("a"), 1, now(), "refused")));

        List<Mark> claimed = marks.claim(readByThisRelay, now(), now().plusSeconds(30));

        assertThat(claimed).extracting(m -> m.documentIds().getFirst()).containsExactly("b");
        marks.settled(claimed);
        List<Mark> next = marks.unclaimed(now(), 10);
        assertThat(next).extracting(Mark::attempts).containsExactly(1);
        List<Mark> nextClaimed = marks.claim(next, now(), now().plusSeconds(30));
        assertThat(nextClaimed).hasSize(1);
        marks.settled(nextClaimed);
        assertThat(mongo.getCollection(PendingOutbox.MARKS).countDocuments()).isZero();
    }

    @Test
    void claimsNoMarkAnotherRelayHolds() {
        marks.mark("letters", List.of("a"));
        List<Mark> read = marks.unclaimed(now(), 10);
        assertThat(marks.claim(read, now(), now().plusSeconds(30))).hasSize(1);

        assertThat(marks.claim(read, now(), now().plusSeconds(30))).isEmpty();
        clock.advance(Duration.ofSeconds(31));
        assertThat(marks.claim(read, now(), now().plusSeconds(30))).as("read before the first claim").isEmpty();
        assertThat(marks.claim(marks.unclaimed(now(), 10), now(), now().plusSeconds(30)))
                .as("its claim lapsed: taken at the count read now").hasSize(1);
    }

    private Instant now() {
        return clock.instant();
    }
}
