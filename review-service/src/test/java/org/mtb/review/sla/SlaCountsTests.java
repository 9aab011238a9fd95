package org.mtb.review.sla;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Gauge;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.mtb.support.testing.TestClock;

/** Open cases per region and SLA state, kept by increments and recounted from the cases. */
class SlaCountsTests {

    private static final String REGION = "990201";

    private final SlaTestBed bed = new SlaTestBed(TestClock.at("2026-11-30T02:00:00Z"));

    @Test
    void countsCasesOpenedMovedAndClosedPerStateAndStartsBreachCountersAtZero() {
        SlaClock first = bed.open("990201-1", REGION, SlaTestBed.AT_ONCE, Instant.parse("2026-11-30T03:00:00Z"));
        bed.open("990201-2", REGION, SlaTestBed.AT_ONCE, Instant.parse("2026-11-30T03:00:00Z"));

        bed.counts.moved(REGION, List.of(SlaState.ON_TIME), List.of(SlaState.WARNED));
        bed.counts.closed(REGION, first);
        bed.counts.refreshGauges();

        assertThat(open(SlaState.ON_TIME)).as("one opened, one moved on, one closed while on time").isZero();
        assertThat(open(SlaState.WARNED)).isEqualTo(1);
        assertThat(open(SlaState.BREACHED)).isZero();
        assertThat(bed.meters.counter("review.sla.breaches", "region", REGION).count()).isZero();
    }

    @Test
    void countsANetChangeOnceWhenADeadlineIsReplacedBySameStateOne() {
        SlaClock sla = bed.open("990201-3", REGION, SlaTestBed.AT_ONCE, Instant.parse("2026-11-30T03:00:00Z"));

        bed.counts.replaced(REGION, sla, sla);
        bed.counts.refreshGauges();

        assertThat(open(SlaState.ON_TIME)).isEqualTo(1);
    }

    @Test
    void recountsFromTheCasesWhatAnIncrementLostInACrashLeftWrong() {
        bed.open("990201-4", REGION, SlaTestBed.TWENTY_DAYS, Instant.parse("2026-11-30T03:00:00Z"));
        bed.open("990201-5", REGION, SlaTestBed.TWENTY_DAYS, Instant.parse("2026-11-30T03:00:00Z"));
        bed.mongo.getCollection(SlaCounts.COLLECTION).updateOne(new Document("_id", REGION),
                new Document("$set", new Document("ON_TIME", 7)));

        bed.counts.recount();

        assertThat(open(SlaState.ON_TIME)).isEqualTo(2);
    }

    private double open(SlaState state) {
        Gauge gauge = bed.meters.find("review.cases.open").tag("region", REGION).tag("sla_state", state.name())
                .gauge();
        return gauge == null ? -1 : gauge.value();
    }
}
