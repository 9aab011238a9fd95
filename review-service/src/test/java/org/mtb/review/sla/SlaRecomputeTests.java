package org.mtb.review.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.mtb.contracts.DiseaseCategory;
import org.mtb.contracts.calendar.CalendarPublished;
import org.mtb.review.TestCatalogs;
import org.mtb.support.testing.TestClock;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Open deadlines computed afresh when their region's calendar or catalog changes, however the change arrives: late,
 * twice, while a timer moves the case, or on another instance.
 */
class SlaRecomputeTests {

    private static final String REGION = "990401";
    // Monday 4 January 2027: no 2027 schedule is shipped, so 20 working days end on Monday 1 February, provisionally.
    private static final Instant ACCEPTED = Instant.parse("2027-01-04T02:00:00Z");
    private static final Instant PROVISIONAL_DUE = Instant.parse("2027-02-01T09:30:00Z");
    // With 5 to 8 January off in the region's 2027 calendar, counting starts on 11 January: Friday 5 February.
    private static final Instant EXACT_DUE = Instant.parse("2027-02-05T09:30:00Z");

    private final TestClock clock = TestClock.at("2026-12-01T02:00:00Z");
    private final SlaTestBed bed = new SlaTestBed(clock);

    @Test
    void countsAProvisionalDeadlineAgainWhenTheYearsScheduleArrives() {
        SlaRecompute recompute = bed.recompute(bed.cases);
        SlaClock before = bed.open("990401-1", REGION, SlaTestBed.TWENTY_DAYS, ACCEPTED);
        assertThat(before.dueAt()).isEqualTo(PROVISIONAL_DUE);
        assertThat(before.provisional()).isTrue();

        bed.calendars.apply(TestCatalogs.only2027(REGION, 1));
        bed.reconcile(recompute);

        SlaClock after = bed.read("990401-1").sla();
        assertThat(after.dueAt()).isEqualTo(EXACT_DUE);
        assertThat(after.provisional()).isFalse();
        assertThat(after.calendarRevision()).isEqualTo(1);
        assertThat(after.revision()).isEqualTo(2);
    }

    @Test
    void countsTheDeadlineWhenTheCalendarIsDeliveredAgainAfterTheInstanceDiedBeforeItsRecompute() {
        SlaRecompute recompute = bed.recompute(bed.cases);
        bed.open("990401-2", REGION, SlaTestBed.TWENTY_DAYS, ACCEPTED);
        CalendarPublished calendar = TestCatalogs.only2027(REGION, 1);

        bed.calendars.apply(calendar);
        bed.applicationEvents.clear();
        bed.calendars.apply(calendar);
        bed.reconcile(recompute);

        assertThat(bed.read("990401-2").sla().dueAt()).isEqualTo(EXACT_DUE);
    }

    @Test
    void triesAgainOnAFreshReadWhenATimerMovedTheCaseMeanwhile() {
        SlaCases racing = new SlaCases(bed.mongo, bed.pendingOutbox) {
            private boolean raced;

            @Override
            boolean replaceDeadline(SlaCase c, SlaClock next, @Nullable String catalogVersion) {
                if (!raced) {
                    raced = true;
                    // A timer firing in between: it moves the case to a new version.
                    bed.mongo.updateFirst(Query.query(Criteria.where("_id").is(c.applicationNumber())),
                            new Update().inc("version", 1), SlaCases.COLLECTION);
                }
                return super.replaceDeadline(c, next, catalogVersion);
            }
        };
        SlaRecompute recompute = bed.recompute(racing);
        bed.open("990401-3", REGION, SlaTestBed.TWENTY_DAYS, ACCEPTED);

        bed.calendars.apply(TestCatalogs.only2027(REGION, 1));
        bed.reconcile(recompute);

        assertThat(bed.read("990401-3").sla().dueAt()).isEqualTo(EXACT_DUE);
    }

    @Test
    void countsAgainADeadlineThatAnotherInstanceCountedWithItsOlderCopyAfterTheRecompute() {
        SlaRecompute recompute = bed.recompute(bed.cases);
        bed.calendars.apply(TestCatalogs.only2027(REGION, 1));
        bed.reconcile(recompute);
        // Another instance, its calendar cached from before the change, opens a case under the national default.
        SlaClock counted = bed.planner.plan(SlaTestBed.TWENTY_DAYS, ACCEPTED, bed.nationalDefault());
        bed.store("990401-6", REGION, DiseaseCategory.CHRONIC, ACCEPTED, "OPEN", null, counted);

        bed.reconcile(recompute);
        assertThat(bed.read("990401-6").sla().dueAt()).as("not yet looked at again").isEqualTo(PROVISIONAL_DUE);
        clock.advance(SlaTestBed.PROPERTIES.reconcileAgainAfter());
        bed.reconcile(recompute);

        assertThat(bed.read("990401-6").sla().dueAt()).isEqualTo(EXACT_DUE);
    }

    @Test
    void checksEveryOpenDeadlineNowAndThenWithoutBeingAsked() {
        SlaRecompute recompute = bed.recompute(bed.cases);
        bed.calendars.apply(TestCatalogs.only2027(REGION, 1));
        bed.applicationEvents.clear();
        for (int i = 0; i < 600; i++) {
            bed.store("990401-1%03d".formatted(i), REGION, DiseaseCategory.CHRONIC, ACCEPTED, "OPEN", null,
                    bed.planner.plan(SlaTestBed.TWENTY_DAYS, ACCEPTED, bed.nationalDefault()));
        }

        recompute.round();
        assertThat(bed.read("990401-1599").sla().dueAt()).isEqualTo(PROVISIONAL_DUE);
        clock.advance(SlaTestBed.PROPERTIES.reconcileDelay());
        recompute.round();

        assertThat(bed.read("990401-1000").sla().dueAt()).isEqualTo(EXACT_DUE);
        assertThat(bed.read("990401-1599").sla().dueAt()).as("past the first batch of 500").isEqualTo(EXACT_DUE);
    }

    @Test
    void givesACaseOpenedBeforeItsRegionsCatalogTheDeadlineOfTheCatalogThatArrives() {
        SlaRecompute recompute = bed.recompute(bed.cases);
        bed.store("990401-4", REGION, DiseaseCategory.CHRONIC, ACCEPTED, "OPEN", null, null);
        bed.store("990401-5", REGION, DiseaseCategory.CHRONIC, ACCEPTED, "REJECTED", ACCEPTED, null);

        bed.policies.apply(TestCatalogs.catalog(REGION));
        bed.reconcile(recompute);

        assertThat(bed.read("990401-4").sla().dueAt()).isEqualTo(PROVISIONAL_DUE);
        assertThat(bed.read("990401-4").catalogVersion()).isEqualTo("2025.1");
        assertThat(bed.read("990401-5").sla()).as("a decided case needs no deadline").isNull();
    }
}
