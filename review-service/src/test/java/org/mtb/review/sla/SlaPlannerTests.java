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

    @Test
    void aLiupanshuiCaseGetsItsHalfWorkingDayAfreshAfterTheSupplement() {
        // Liupanshui restarts the clock (seed 002: 补正后重新计算审核时限). Accepted Monday 30 Nov 10:00 in Shanghai,
        // due 15:00; returned for supplement at 11:00 with 2 h 30 min left; supplemented Wednesday 2 Dec 16:00.
        SlaClock first = planner.plan(HALF_A_DAY, Instant.parse("2026-11-30T02:00:00Z"), calendar);
        Instant returned = Instant.parse("2026-11-30T03:00:00Z");
        Duration left = planner.workingTimeLeft(first, returned, calendar);
        Instant supplemented = Instant.parse("2026-12-02T08:00:00Z");

        SlaClock after = planner.afterSupplement(first, true, left, supplemented, calendar);

        assertThat(first.dueAt()).as("10:00 + 3 h 30 min: 12:00, then 13:30 + 1 h 30 min").isEqualTo("2026-11-30T07:00:00Z");
        assertThat(left).isEqualTo(Duration.ofMinutes(150));
        assertThat(after.dueAt()).as("16:00 + 3 h 30 min of working time: 17:30, then Thursday 09:00 + 2 h = 11:00")
                .isEqualTo("2026-12-03T03:00:00Z");
        assertThat(after.startedAt()).isEqualTo(supplemented);
        assertThat(after.revision()).isEqualTo(2);
        assertThat(after.state()).isEqualTo(SlaState.ON_TIME);
        assertThat(planner.timers("520200-20261130-000001", after)).extracting(DueTimer::revision)
                .containsOnly(2L);
    }

    @Test
    void aCaseOfARegionThatResumesTheClockKeepsOnlyTheWorkingTimeThatWasLeft() {
        // Jiuquan's 20 working days, with a policy that resumes the clock (shipped Jiuquan restarts it, a project
        // assumption; this is the other policy a region may state). Accepted Monday 30 Nov 10:00: the rest of that day
        // (6 h) and 20 working days from Tuesday, so due Monday 28 Dec 17:30. Returned Monday 14 Dec 10:00, with
        // 10 working days and 6 h (76 h) left; supplemented Friday 18 Dec 16:00.
        SlaClock first = planner.plan(SlaTestBed.TWENTY_DAYS, Instant.parse("2026-11-30T02:00:00Z"), calendar);
        Instant returned = Instant.parse("2026-12-14T02:00:00Z");
        Duration left = planner.workingTimeLeft(first, returned, calendar);
        Instant supplemented = Instant.parse("2026-12-18T08:00:00Z");

        SlaClock resumed = planner.afterSupplement(first, false, left, supplemented, calendar);
        SlaClock restarted = planner.afterSupplement(first, true, left, supplemented, calendar);

        assertThat(first.dueAt()).isEqualTo("2026-12-28T09:30:00Z");
        assertThat(left).isEqualTo(Duration.ofHours(76));
        assertThat(resumed.dueAt()).as("76 h of working time from Friday 16:00")
                .isEqualTo(calendar.calendar().addWorkingTime(supplemented, Duration.ofHours(76)).at());
        assertThat(resumed.dueAt()).as("1 h 30 min on Friday, 21-25 and 28-31 Dec, Friday 1 Jan (2027's holidays are not "
                + "loaded: counted as a working day, so provisional), then 4 h 30 min on Monday 4 Jan")
                .isEqualTo("2027-01-04T07:00:00Z");
        assertThat(resumed.provisional()).isTrue();
        assertThat(restarted.dueAt()).as("the full 20 working days from the supplement")
                .isEqualTo(calendar.calendar().addWorkingDays(supplemented, 20).at());
        assertThat(restarted.dueAt()).isAfter(resumed.dueAt());
        assertThat(resumed.revision()).isEqualTo(2);
    }

    @Test
    void aCaseReturnedAfterItsWarningResumesWarnedAndOneReturnedAfterItsBreachStaysBreached() {
        Instant accepted = Instant.parse("2026-11-30T02:00:00Z");
        SlaClock planned = planner.plan(HALF_A_DAY, accepted, calendar);
        SlaClock warned = new SlaClock(planned.limit(), accepted, planned.dueAt(), planned.warnAt(), planned.breachAt(),
                false, 0, 1, SlaState.WARNED, planned.warnAt(), null);
        SlaClock breached = new SlaClock(planned.limit(), accepted, planned.dueAt(), planned.warnAt(),
                planned.breachAt(), false, 0, 1, SlaState.BREACHED, planned.warnAt(), planned.breachAt());
        Instant supplemented = Instant.parse("2026-12-01T02:00:00Z");

        SlaClock stillWarned = planner.afterSupplement(warned, false, Duration.ofMinutes(30), supplemented, calendar);
        SlaClock stillBreached = planner.afterSupplement(breached, false, Duration.ZERO, supplemented, calendar);

        assertThat(stillWarned.state()).isEqualTo(SlaState.WARNED);
        assertThat(stillWarned.warnedAt()).isEqualTo(planned.warnAt());
        assertThat(stillWarned.dueAt()).isEqualTo("2026-12-01T02:30:00Z");
        assertThat(planner.timers("n", stillWarned)).extracting(DueTimer::kind).containsExactly(SlaClock.BREACH);
        assertThat(stillBreached.state()).isEqualTo(SlaState.BREACHED);
        assertThat(stillBreached.breachedAt()).isEqualTo(planned.breachAt());
        assertThat(planner.timers("n", stillBreached)).isEmpty();
    }
}
