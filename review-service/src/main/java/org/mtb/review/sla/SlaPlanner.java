package org.mtb.review.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mtb.calendar.Deadline;
import org.mtb.calendar.WorkingDayCalendar;
import org.mtb.contracts.catalog.ReviewTimeLimit;
import org.mtb.review.calendar.CalendarSnapshot;
import org.mtb.review.timer.DueTimer;
import org.springframework.stereotype.Component;

/** Computes a case's deadline from its time limit and its region's working-day calendar. */
@Component
public class SlaPlanner {

    private final SlaProperties properties;

    SlaPlanner(SlaProperties properties) {
        this.properties = properties;
    }

    /** A first deadline (revision 1), on time. */
    public SlaClock plan(ReviewTimeLimit limit, Instant startedAt, CalendarSnapshot calendar) {
        return compute(limit, startedAt, calendar, 1, SlaState.ON_TIME);
    }

    /**
     * The deadline computed afresh (a calendar year loaded, or the region's calendar arrived). A warning or breach
     * already sent stands while the new moment for it has also passed; otherwise the case is on time (or warned)
     * again and its timers fire anew.
     */
    SlaClock replan(@Nullable SlaClock old, ReviewTimeLimit limit, Instant startedAt,
            CalendarSnapshot calendar, Instant now) {
        long revision = old == null ? 1 : old.revision() + 1;
        SlaClock fresh = compute(limit, startedAt, calendar, revision, SlaState.ON_TIME);
        if (old == null) {
            return fresh;
        }
        SlaState state = SlaState.ON_TIME;
        Instant warnedAt = null;
        Instant breachedAt = null;
        if (old.state() != SlaState.ON_TIME && !fresh.warnAt().isAfter(now)) {
            state = SlaState.WARNED;
            warnedAt = old.warnedAt() != null ? old.warnedAt() : old.breachedAt();
        }
        if (old.state() == SlaState.BREACHED && !fresh.breachAt().isAfter(now)) {
            state = SlaState.BREACHED;
            breachedAt = old.breachedAt();
        }
        return new SlaClock(limit, startedAt, fresh.dueAt(), fresh.warnAt(), fresh.breachAt(),
                fresh.provisional(), fresh.calendarRevision(), revision, state, warnedAt, breachedAt);
    }

    /**
     * The working time a deadline has left at {@code at}, as it stands when a supplement stops the clock; none once the
     * deadline (for a case due at once, its grace) has passed.
     */
    public Duration workingTimeLeft(SlaClock sla, Instant at, CalendarSnapshot calendar) {
        return sla.breachAt().isAfter(at) ? calendar.calendar().workingTimeBetween(at, sla.breachAt()) : Duration.ZERO;
    }

    /**
     * The deadline after a supplement (补正), in a new revision. Where the region's policy restarts the clock, the full
     * time limit counts afresh from the supplement, on time. Otherwise the clock resumes with the working time that was
     * left when it stopped, and a warning or breach already sent stands.
     */
    public SlaClock afterSupplement(SlaClock old, boolean restart, Duration left, Instant resumedAt,
            CalendarSnapshot snapshot) {
        if (restart) {
            return compute(old.limit(), resumedAt, snapshot, old.revision() + 1, SlaState.ON_TIME);
        }
        WorkingDayCalendar calendar = snapshot.calendar();
        Deadline breach = calendar.addWorkingTime(resumedAt, left);
        Instant dueAt = old.limit().kind() == ReviewTimeLimit.Kind.IMMEDIATE ? resumedAt : breach.at();
        Deadline warn = old.state() == SlaState.ON_TIME
                ? calendar.addWorkingTime(resumedAt, Duration.ofMillis((long) (left.toMillis() * properties.warningShare())))
                : breach;
        SlaState state = old.state() == SlaState.BREACHED && !left.isPositive() ? SlaState.BREACHED
                : old.state() == SlaState.ON_TIME ? SlaState.ON_TIME : SlaState.WARNED;
        return new SlaClock(old.limit(), resumedAt, millis(dueAt), millis(warn.at()), millis(breach.at()),
                breach.provisional() || warn.provisional(), snapshot.revision(), old.revision() + 1, state,
                state == SlaState.ON_TIME ? null : old.warnedAt() != null ? old.warnedAt() : old.breachedAt(),
                state == SlaState.BREACHED ? old.breachedAt() : null);
    }

    /**
     * The deadline moved later by an approved extension, in a new revision: the breach (and the deadline) {@code by}
     * later, the warning at the policy's share of the whole working time from the start. A warning or breach already
     * sent stands while its new moment has also passed.
     */
    public SlaClock extended(SlaClock old, org.mtb.contracts.catalog.Period by, CalendarSnapshot snapshot,
            Instant now) {
        WorkingDayCalendar calendar = snapshot.calendar();
        Instant breach = later(old.breachAt(), by, calendar);
        Instant due = old.limit().kind() == ReviewTimeLimit.Kind.IMMEDIATE ? old.dueAt() : later(old.dueAt(), by,
                calendar);
        Duration given = calendar.workingTimeBetween(old.startedAt(), breach);
        Deadline warn = calendar.addWorkingTime(old.startedAt(),
                Duration.ofMillis((long) (given.toMillis() * properties.warningShare())));
        SlaState state = old.state() == SlaState.BREACHED && !breach.isAfter(now) ? SlaState.BREACHED
                : old.state() != SlaState.ON_TIME && !warn.at().isAfter(now) ? SlaState.WARNED : SlaState.ON_TIME;
        return new SlaClock(old.limit(), old.startedAt(), millis(due), millis(warn.at()), millis(breach),
                old.provisional() || warn.provisional() || calendar.isProvisional(
                        java.time.LocalDate.ofInstant(breach, calendar.zone())),
                snapshot.revision(), old.revision() + 1, state,
                state == SlaState.ON_TIME ? null : old.warnedAt() != null ? old.warnedAt() : old.breachedAt(),
                state == SlaState.BREACHED ? old.breachedAt() : null);
    }

    private static Instant later(Instant moment, org.mtb.contracts.catalog.Period by, WorkingDayCalendar calendar) {
        return switch (by.unit()) {
            case WORKING_DAYS -> calendar.addWorkingDays(moment, by.amount()).at();
            case CALENDAR_DAYS -> moment.plus(Duration.ofDays(by.amount()));
            case MONTHS -> moment.atZone(calendar.zone()).plusMonths(by.amount()).toInstant();
            case YEARS -> moment.atZone(calendar.zone()).plusYears(by.amount()).toInstant();
        };
    }

    /** The timers still to fire for this deadline. */
    public List<DueTimer> timers(String applicationNumber, SlaClock sla) {
        List<DueTimer> timers = new ArrayList<>(2);
        if (sla.state() == SlaState.ON_TIME) {
            timers.add(new DueTimer(applicationNumber, SlaClock.WARNING, sla.revision(), sla.warnAt()));
        }
        if (sla.state() != SlaState.BREACHED) {
            timers.add(new DueTimer(applicationNumber, SlaClock.BREACH, sla.revision(), sla.breachAt()));
        }
        return timers;
    }

    private SlaClock compute(ReviewTimeLimit limit, Instant startedAt, CalendarSnapshot snapshot, long revision,
            SlaState state) {
        WorkingDayCalendar calendar = snapshot.calendar();
        Instant dueAt;
        Deadline breach;
        Duration given;
        if (limit.kind() == ReviewTimeLimit.Kind.IMMEDIATE) {
            dueAt = startedAt;
            given = properties.immediateGrace();
            breach = calendar.addWorkingTime(startedAt, given);
        } else {
            breach = calendar.addWorkingDays(startedAt, limit.workingDays());
            dueAt = breach.at();
            given = calendar.workingTimeBetween(startedAt, breach.at());
        }
        Duration warnAfter = Duration.ofMillis((long) (given.toMillis() * properties.warningShare()));
        Deadline warn = calendar.addWorkingTime(startedAt, warnAfter);
        return new SlaClock(limit, startedAt, millis(dueAt), millis(warn.at()), millis(breach.at()),
                breach.provisional() || warn.provisional(), snapshot.revision(), revision, state, null, null);
    }

    private static Instant millis(Instant moment) {
        return moment.truncatedTo(ChronoUnit.MILLIS);
    }
}
