package org.mtb.review.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.mtb.contracts.DiseaseCategory;
import org.mtb.contracts.catalog.ReviewTimeLimit;
import org.mtb.review.calendar.CalendarSnapshot;
import org.mtb.review.timer.DueTimer;
import org.mtb.support.testing.TestClock;

/** Deadlines in the national default calendar: 09:00-12:00 and 13:30-17:30 in Shanghai (01:00-04:00, 05:30-09:30 UTC). */
class SlaPlannerTests {

    private static final ReviewTimeLimit HALF_A_DAY = new ReviewTimeLimit(DiseaseCategory.CHRONIC,
            ReviewTimeLimit.Kind.WORKING_DAYS, new BigDecimal("0.5"));

    private final SlaTestBed bed = new SlaTestBed(TestClock.at("2026-11-30T02:00:00Z"));
    private final SlaPlanner planner = bed.planner;
    private final CalendarSnapshot calendar = bed.nationalDefault();

    @Test
    void givesACaseDueAtOnceTheGraceOfWorkingTimeBeforeItBreaches() {
        // Monday 30 November 2026, 11:00 in Shanghai: one hour until noon, then from 13:30.
        Instant accepted = Instant.parse("2026-11-30T03:00:00Z");

        SlaClock sla = planner.plan(SlaTestBed.AT_ONCE, accepted, calendar);

        assertThat(sla.dueAt()).isEqualTo(accepted);
        assertThat(sla.breachAt()).as("11:00 + 2 h of working time = 14:30").isEqualTo("2026-11-30T06:30:00Z");
        assertThat(sla.warnAt()).as("75 % of 2 h = 1 h 30 min: 13:00 is lunch, so 14:00")
                .isEqualTo("2026-11-30T06:00:00Z");
        assertThat(sla.state()).isEqualTo(SlaState.ON_TIME);
        assertThat(sla.revision()).isEqualTo(1);
        assertThat(sla.provisional()).isFalse();
    }

    @Test
    void countsHalfAWorkingDayInWorkingHoursFromTheNextWorkingMoment() {
        // Monday 21:51 in Shanghai: the clock starts Tuesday 09:00; half of 7 h is 3 h 30 min, so 14:00.
        Instant accepted = Instant.parse("2026-11-30T13:51:00Z");

        SlaClock sla = planner.plan(HALF_A_DAY, accepted, calendar);

        assertThat(sla.dueAt()).isEqualTo("2026-12-01T06:00:00Z");
        assertThat(sla.breachAt()).isEqualTo(sla.dueAt());
        assertThat(sla.warnAt()).as("75 % of 3 h 30 min after 09:00: 11:37:30").isEqualTo("2026-12-01T03:37:30Z");
    }

    @Test
    void countsTwentyWorkingDaysOverTheNationalDayWeek() {
        // Friday 26 September 2025: 1-8 October off, 28 September and 11 October worked.
        SlaClock sla = planner.plan(SlaTestBed.TWENTY_DAYS, Instant.parse("2025-09-26T02:00:00Z"), calendar);

        assertThat(sla.dueAt()).isEqualTo("2025-10-30T09:30:00Z");
    }

    @Test
    void keepsAWarningOrABreachOnlyWhileItsNewMomentHasPassedToo() {
        Instant accepted = Instant.parse("2026-11-30T03:00:00Z");
        SlaClock planned = planner.plan(SlaTestBed.AT_ONCE, accepted, calendar);
        Instant warned = planned.warnAt();
        Instant breached = planned.breachAt();
        SlaClock breachedClock = new SlaClock(planned.limit(), accepted, planned.dueAt(), planned.warnAt(),
                planned.breachAt(), false, 0, 1, SlaState.BREACHED, warned, breached);
        Instant now = Instant.parse("2026-11-30T07:00:00Z");

        SlaClock stillBreached = planner.replan(breachedClock, SlaTestBed.AT_ONCE, accepted, calendar, now);
        SlaClock warnedOnly = planner.replan(breachedClock, SlaTestBed.AT_ONCE, Instant.parse("2026-11-30T04:00:00Z"),
                calendar, now);
        SlaClock onTimeAgain = planner.replan(breachedClock, SlaTestBed.AT_ONCE, Instant.parse("2026-11-30T06:45:00Z"),
                calendar, now);

        assertThat(stillBreached.state()).isEqualTo(SlaState.BREACHED);
        assertThat(stillBreached.breachedAt()).isEqualTo(breached);
        assertThat(stillBreached.revision()).isEqualTo(2);
        assertThat(warnedOnly.state()).as("from noon: warning 15:00 (now), breach 15:30")
                .isEqualTo(SlaState.WARNED);
        assertThat(warnedOnly.warnedAt()).isEqualTo(warned);
        assertThat(warnedOnly.breachedAt()).isNull();
        assertThat(onTimeAgain.state()).isEqualTo(SlaState.ON_TIME);
        assertThat(onTimeAgain.warnedAt()).isNull();
    }

    @Test
    void setsTheTimersStillToFire() {
        SlaClock sla = planner.plan(SlaTestBed.AT_ONCE, Instant.parse("2026-11-30T03:00:00Z"), calendar);
        SlaClock warned = new SlaClock(sla.limit(), sla.startedAt(), sla.dueAt(), sla.warnAt(), sla.breachAt(), false,
                0, 1, SlaState.WARNED, sla.warnAt(), null);

        assertThat(planner.timers("N-1", sla)).extracting(DueTimer::kind, DueTimer::at).containsExactly(
                org.assertj.core.groups.Tuple.tuple(SlaClock.WARNING, sla.warnAt()),
                org.assertj.core.groups.Tuple.tuple(SlaClock.BREACH, sla.breachAt()));
        assertThat(planner.timers("N-1", warned)).extracting(DueTimer::kind).containsExactly(SlaClock.BREACH);
        assertThat(Duration.between(sla.startedAt(), sla.breachAt())).isPositive();
    }
}
