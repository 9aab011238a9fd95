package org.mtb.review.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mtb.contracts.DiseaseCategory;
import org.mtb.contracts.Topics;
import org.mtb.support.testing.TestClock;

/** Recorded firings settled onto cases: once per timer, never for a stale deadline or a case decided in time. */
class SlaEventsTests {

    private static final String REGION = "990101";
    private static final Instant ACCEPTED = Instant.parse("2026-11-30T03:00:00Z");

    private final TestClock clock = TestClock.at("2026-11-30T07:00:00Z");
    private final SlaTestBed bed = new SlaTestBed(clock);

    @Test
    void movesTheCaseOnceAndStoresOneEventEvenWhenTheTimerFiredTwice() {
        SlaClock sla = bed.open("990101-1", REGION, SlaTestBed.AT_ONCE, ACCEPTED);

        bed.recordFiring(firing(fired("990101-1", SlaState.BREACHED, 1, sla.breachAt())));
        bed.recordFiring(firing(fired("990101-1", SlaState.BREACHED, 1, sla.breachAt())));
        bed.settleFirings();

        assertThat(bed.read("990101-1").sla().state()).isEqualTo(SlaState.BREACHED);
        assertThat(bed.read("990101-1").sla().breachedAt()).isEqualTo(clock.instant());
        assertThat(bed.outboxTopics("990101-1")).containsExactly(Topics.SLA_BREACHED);
        assertThat(bed.meters.counter("review.sla.breaches", "region", REGION).count()).isEqualTo(1);
        assertThat(bed.mongo.getCollection(SlaFiring.COLLECTION).countDocuments()).isZero();
    }

    @Test
    void sendsTheEventsAtTheMomentAndMovesTheCaseWithoutStoringThemAgain() {
        SlaClock sla = bed.open("990101-7", REGION, SlaTestBed.AT_ONCE, ACCEPTED);
        bed.kafka.takeEvents();
        SlaFiring firing = firing(fired("990101-7", SlaState.BREACHED, 1, sla.breachAt()),
                fired("990101-7", SlaState.WARNED, 1, sla.warnAt()));

        bed.events.firedAndSend(firing, Map.of("990101-7", bed.cases.find(List.of("990101-7")).get("990101-7")));
        await().atMost(Duration.ofSeconds(5)).until(() -> bed.mongo.findById(firing.id(), SlaFiring.class,
                SlaFiring.COLLECTION).published() && bed.mongo.getCollection("outbox_pending").countDocuments() > 0);
        bed.settleFirings();

        assertThat(bed.kafka.sent).extracting(e -> e.topic()).containsExactly(Topics.SLA_WARNING,
                Topics.SLA_BREACHED);
        assertThat(bed.read("990101-7").sla().state()).isEqualTo(SlaState.BREACHED);
        assertThat(bed.outboxTopics("990101-7")).as("sent at the moment, not stored again").isEmpty();
        assertThat(bed.meters.counter("review.sla.breaches", "region", REGION).count()).isEqualTo(1);
    }

    @Test
    void storesTheEventsInTheOutboxWhenKafkaDidNotTakeThemAtTheMomentWithTheSameIds() {
        SlaClock sla = bed.open("990101-8", REGION, SlaTestBed.AT_ONCE, ACCEPTED);
        SlaFiring firing = firing(fired("990101-8", SlaState.BREACHED, 1, sla.breachAt()));

        bed.events.firedAndSend(firing, Map.of("990101-8", bed.cases.find(List.of("990101-8")).get("990101-8")));
        await().atMost(Duration.ofSeconds(5)).until(() -> bed.mongo.getCollection("outbox_pending").countDocuments() > 0);
        bed.settleFirings();
        bed.kafka.takeEvents();
        SlaFiring again = firing(fired("990101-8", SlaState.BREACHED, 1, sla.breachAt()));
        bed.events.firedAndSend(again, Map.of("990101-8", bed.cases.find(List.of("990101-8")).get("990101-8")));

        assertThat(bed.mongo.findById(firing.id(), SlaFiring.class, SlaFiring.COLLECTION)).isNull();
        assertThat(bed.outboxTopics("990101-8")).containsExactly(Topics.SLA_BREACHED);
        String stored = bed.mongo.findById("990101-8", org.bson.Document.class, SlaCases.COLLECTION)
                .getList("outbox", org.bson.Document.class).getFirst().getString("eventId");
        await().atMost(Duration.ofSeconds(5)).until(() -> !bed.kafka.sent.isEmpty());
        assertThat(bed.kafka.sent.getFirst().eventId()).as("the same timer's event has one id").isEqualTo(stored);
    }

    @Test
    void settlesAWarningBeforeTheBreachThatFellDueWithIt() {
        SlaClock sla = bed.open("990101-2", REGION, SlaTestBed.AT_ONCE, ACCEPTED);

        bed.recordFiring(firing(fired("990101-2", SlaState.BREACHED, 1, sla.breachAt()),
                fired("990101-2", SlaState.WARNED, 1, sla.warnAt())));
        bed.settleFirings();

        assertThat(bed.outboxTopics("990101-2")).containsExactly(Topics.SLA_WARNING, Topics.SLA_BREACHED);
        assertThat(bed.read("990101-2").sla().warnedAt()).isEqualTo(clock.instant());
    }

    @Test
    void leavesACaseAloneWhoseDeadlineWasComputedAfresh() {
        SlaClock sla = bed.open("990101-3", REGION, SlaTestBed.AT_ONCE, ACCEPTED);

        bed.recordFiring(firing(fired("990101-3", SlaState.WARNED, 0, sla.warnAt())));
        bed.settleFirings();

        assertThat(bed.read("990101-3").sla().state()).isEqualTo(SlaState.ON_TIME);
        assertThat(bed.outboxTopics("990101-3")).isEmpty();
    }

    @Test
    void leavesACaseAloneWhenTheTimerWasSetForAnotherMomentOfTheSameRevision() {
        SlaClock sla = bed.open("990101-6", REGION, SlaTestBed.AT_ONCE, ACCEPTED);

        bed.recordFiring(firing(fired("990101-6", SlaState.WARNED, 1, sla.warnAt().minusSeconds(90))));
        bed.settleFirings();

        assertThat(bed.outboxTopics("990101-6")).isEmpty();
        assertThat(bed.read("990101-6").sla().state()).isEqualTo(SlaState.ON_TIME);
    }

    @Test
    void tellsNothingOfACaseDecidedBeforeItsTimerWasDueButOfOneDecidedAfter() {
        SlaClock sla = bed.planner.plan(SlaTestBed.AT_ONCE, ACCEPTED, bed.nationalDefault());
        bed.store("990101-4", REGION, DiseaseCategory.SPECIAL, ACCEPTED, "APPROVED",
                sla.breachAt().minus(Duration.ofMinutes(1)), sla);
        bed.store("990101-5", REGION, DiseaseCategory.SPECIAL, ACCEPTED, "APPROVED",
                sla.breachAt().plus(Duration.ofMillis(1)), sla);

        bed.recordFiring(firing(fired("990101-4", SlaState.BREACHED, 1, sla.breachAt()),
                fired("990101-5", SlaState.BREACHED, 1, sla.breachAt())));
        bed.settleFirings();

        assertThat(bed.outboxTopics("990101-4")).isEmpty();
        assertThat(bed.outboxTopics("990101-5")).as("the breach happened; the decision came after it")
                .containsExactly(Topics.SLA_BREACHED);
    }

    private SlaFiring firing(SlaFiring.Fired... timers) {
        return new SlaFiring(UUID.randomUUID().toString(), clock.instant(), List.of(timers));
    }

    private static SlaFiring.Fired fired(String number, SlaState moves, long revision, Instant dueAt) {
        return new SlaFiring.Fired(number, moves, revision, dueAt, 0);
    }
}
