package org.mtb.review.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.mtb.contracts.DiseaseCategory;
import org.mtb.contracts.Topics;
import org.mtb.review.timer.DueTimer;
import org.mtb.review.timer.DueTimerPoller;
import org.mtb.support.testing.TestClock;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * SLA timers from bucket to event, as one review-service instance runs them: the poller reads them ahead, the
 * handler records what fell due, the events settle onto the cases. The clock is moved by the test.
 */
class SlaTimerHandlerTests {

    private static final String REGION = "990301";

    // Monday 30 November 2026, 11:00 in Shanghai: due at once, warned at 14:00, breached at 14:30.
    private static final Instant ACCEPTED = Instant.parse("2026-11-30T03:00:00Z");

    private final TestClock clock = TestClock.at("2026-11-30T05:59:57Z");
    private final SlaTestBed bed = new SlaTestBed(clock);
    private final DueTimerPoller poller = bed.poller();

    @Test
    void warnsAndBreachesOnceEachAtTheirMoments() {
        SlaClock sla = bed.open("990301-1", REGION, SlaTestBed.AT_ONCE, ACCEPTED);
        bed.timers.schedule(bed.planner.timers("990301-1", sla));

        pollUntil(sla.warnAt().minusMillis(100));
        bed.settleFirings();
        assertThat(bed.outboxTopics("990301-1")).isEmpty();

        pollUntil(sla.breachAt().plusSeconds(1));
        bed.settleFirings();

        assertThat(bed.outboxTopics("990301-1")).containsExactly(Topics.SLA_WARNING, Topics.SLA_BREACHED);
        assertThat(bed.read("990301-1").sla().warnedAt()).isBetween(sla.warnAt(), sla.warnAt().plusMillis(200));
        assertThat(bed.read("990301-1").sla().state()).isEqualTo(SlaState.BREACHED);
    }

    @Test
    void firesNothingForACaseDecidedBeforeItsTimerWasDue() {
        SlaClock sla = bed.open("990301-2", REGION, SlaTestBed.AT_ONCE, ACCEPTED);
        bed.timers.schedule(bed.planner.timers("990301-2", sla));
        bed.mongo.updateFirst(Query.query(Criteria.where("_id").is("990301-2")), new Update().set("status", "APPROVED")
                .set("decision", new Document("decidedAt", sla.warnAt().minusSeconds(1))), SlaCases.COLLECTION);

        pollUntil(sla.breachAt().plusSeconds(1));
        bed.settleFirings();

        assertThat(bed.outboxTopics("990301-2")).isEmpty();
    }

    @Test
    void firesNoStaleTimerOfTheSameRevisionSetForAnEarlierMoment() {
        // Two recomputes of a case opened without a deadline both made revision 1; the loser's timers stayed.
        SlaClock sla = bed.open("990301-3", REGION, SlaTestBed.AT_ONCE, ACCEPTED);
        bed.timers.schedule(List.of(new DueTimer("990301-3", SlaClock.WARNING, 1, sla.warnAt().minusSeconds(2))));
        bed.timers.schedule(bed.planner.timers("990301-3", sla));

        pollUntil(sla.warnAt().minusMillis(500));
        bed.settleFirings();

        assertThat(bed.outboxTopics("990301-3")).as("no warning before its moment").isEmpty();
        pollUntil(sla.warnAt().plusMillis(200));
        bed.settleFirings();
        assertThat(bed.outboxTopics("990301-3")).containsExactly(Topics.SLA_WARNING);
    }

    @Test
    void firesATimerWhoseCaseWasStoredOnlyAfterTheTimerWasReadAhead() {
        SlaClock sla = bed.planner.plan(SlaTestBed.AT_ONCE, ACCEPTED, bed.nationalDefault());
        // The opener stores a case's timers before the case; the read-ahead may come in between.
        bed.timers.schedule(bed.planner.timers("990301-4", sla));
        pollUntil(sla.warnAt().minusMillis(1500));
        bed.store("990301-4", REGION, DiseaseCategory.SPECIAL, ACCEPTED, "OPEN", null, sla);

        pollUntil(sla.warnAt().plusMillis(200));
        bed.settleFirings();

        assertThat(bed.outboxTopics("990301-4")).containsExactly(Topics.SLA_WARNING);
    }

    @Test
    void firesATimerWhoseCaseReachedTheTimersRevisionOnlyAfterTheReadAhead() {
        SlaClock first = bed.open("990301-5", REGION, SlaTestBed.AT_ONCE, ACCEPTED);
        SlaClock second = bed.planner.replan(first, SlaTestBed.AT_ONCE, ACCEPTED, bed.nationalDefault(),
                clock.instant());
        // A recompute stores revision 2's timers before the case's new deadline; the read-ahead comes in between.
        bed.timers.schedule(bed.planner.timers("990301-5", second));
        pollUntil(second.warnAt().minusMillis(1500));
        assertThat(bed.cases.replaceDeadline(bed.read("990301-5"), second, null)).isTrue();

        pollUntil(second.warnAt().plusMillis(200));
        bed.settleFirings();

        assertThat(bed.outboxTopics("990301-5")).containsExactly(Topics.SLA_WARNING);
    }

    @Test
    void firesATimerWrittenAgainAfterItsCaseWasMissingAtItsMoment() {
        SlaClock sla = bed.planner.plan(SlaTestBed.AT_ONCE, ACCEPTED, bed.nationalDefault());
        bed.timers.schedule(bed.planner.timers("990301-6", sla));
        // The instance stopped between the timers and the case; the submission is delivered again a moment later.
        pollUntil(sla.warnAt().plusMillis(400));
        bed.timers.schedule(bed.planner.timers("990301-6", sla));
        bed.store("990301-6", REGION, DiseaseCategory.SPECIAL, ACCEPTED, "OPEN", null, sla);

        pollUntil(sla.warnAt().plusMillis(800));
        bed.settleFirings();

        assertThat(bed.outboxTopics("990301-6")).containsExactly(Topics.SLA_WARNING);
    }

    @Test
    void firesATimerSetLongOverdueWhoseCaseIsStoredJustAfterIt() {
        // A case due at once, accepted a day ago and delivered late: its warning and breach are hours past.
        Instant accepted = clock.instant().minus(Duration.ofDays(1));
        SlaClock sla = bed.planner.plan(SlaTestBed.AT_ONCE, accepted, bed.nationalDefault());
        bed.timers.schedule(bed.planner.timers("990301-7", sla));
        poller.poll();
        bed.store("990301-7", REGION, DiseaseCategory.SPECIAL, accepted, "OPEN", null, sla);

        pollUntil(clock.instant().plusMillis(400));
        bed.settleFirings();

        assertThat(bed.outboxTopics("990301-7")).containsExactly(Topics.SLA_WARNING, Topics.SLA_BREACHED);
    }

    /** Polls every 200 ms, as review-service does, up to and at {@code until}. */
    private void pollUntil(Instant until) {
        while (clock.instant().isBefore(until)) {
            poller.poll();
            Duration left = Duration.between(clock.instant(), until);
            clock.advance(left.compareTo(Duration.ofMillis(200)) < 0 ? left : Duration.ofMillis(200));
        }
        poller.poll();
    }
}
