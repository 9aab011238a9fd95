package org.mtb.review.sla;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.mtb.review.calendar.RegionCalendars;
import org.mtb.review.timer.DueTimer;
import org.mtb.review.timer.DueTimerHandler;
import org.springframework.stereotype.Component;

/**
 * Turns due SLA timers into {@code SlaWarning} and {@code SlaBreached}. Ahead of time it reads the cases and drops
 * timers that are stale (case decided, deadline computed afresh, warning or breach already recorded); at the due
 * moment it records the batch as one {@link SlaFiring} and sends its events, and {@link SlaEvents} moves each case
 * once.
 */
@Component
class SlaTimerHandler implements DueTimerHandler {

    private final SlaCases cases;
    private final RegionCalendars calendars;
    private final SlaEvents events;
    private final Clock clock;

    SlaTimerHandler(SlaCases cases, RegionCalendars calendars, SlaEvents events, Clock clock) {
        this.cases = cases;
        this.calendars = calendars;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public java.util.Set<String> kinds() {
        return java.util.Set.of(SlaClock.WARNING, SlaClock.BREACH);
    }

    @Override
    public Prepared prepare(List<DueTimer> soon) {
        Map<String, SlaCase> cases = this.cases.find(soon.stream().map(DueTimer::subject).distinct().toList());
        List<Firing> firings = new ArrayList<>();
        List<DueTimer> notYet = new ArrayList<>();
        for (DueTimer timer : soon) {
            SlaCase c = cases.get(timer.subject());
            switch (verdict(c, timer)) {
                case DUE -> firings.add(new Firing(timer, c, workingTimeLeft(c, timer)));
                case NOT_YET -> notYet.add(timer);
                case STALE -> { }
            }
        }
        return Prepared.of(notYet, () -> fire(firings));
    }

    private List<DueTimer> fire(List<Firing> firings) {
        if (firings.isEmpty()) {
            return List.of();
        }
        List<SlaFiring.Fired> fired = firings.stream().map(f -> new SlaFiring.Fired(f.timer().subject(),
                moves(f.timer()), f.timer().revision(), f.timer().at(), f.workingTimeLeft().toMillis())).toList();
        // Named by its timers: another instance that fired the same batch writes the same id and stands back.
        String id = UUID.nameUUIDFromBytes(fired.stream().map(f -> f.applicationNumber() + "/" + f.revision() + "/"
                + f.moves() + "/" + f.dueAt()).sorted().collect(Collectors.joining(","))
                .getBytes(StandardCharsets.UTF_8)).toString();
        events.firedAndSend(new SlaFiring(id, clock.instant(), fired), firings.stream().collect(Collectors.toMap(
                f -> f.c().applicationNumber(), Firing::c, (a, b) -> a)));
        return firings.stream().map(Firing::timer).toList();
    }

    /**
     * Timers are written before the case they belong to (opened, or given a new deadline), so a case not there yet,
     * or not yet at the timer's revision, is looked at again later. A timer of an older revision, or of the same
     * revision for another moment (two recomputes may both have made revision 1), is stale.
     */
    static Verdict verdict(@Nullable SlaCase c, DueTimer timer) {
        if (c == null || (c.open() && (c.sla() == null || c.sla().revision() < timer.revision()))) {
            return Verdict.NOT_YET;
        }
        SlaClock sla = c.sla();
        if (!c.open() || sla == null || sla.revision() != timer.revision()
                || !timer.at().equals(sla.moment(moves(timer)))) {
            return Verdict.STALE;
        }
        boolean passed = timer.kind().equals(SlaClock.WARNING) ? sla.state() != SlaState.ON_TIME
                : sla.state() == SlaState.BREACHED;
        return passed ? Verdict.STALE : Verdict.DUE;
    }

    /** The state a timer moves its case to. */
    private static SlaState moves(DueTimer timer) {
        return timer.kind().equals(SlaClock.WARNING) ? SlaState.WARNED : SlaState.BREACHED;
    }

    /** For a warning, the working time from its moment to the deadline; computed ahead, since it does not depend on now. */
    private Duration workingTimeLeft(SlaCase c, DueTimer timer) {
        if (!timer.kind().equals(SlaClock.WARNING) || !c.sla().dueAt().isAfter(timer.at())) {
            return Duration.ZERO;
        }
        return calendars.calendarFor(c.regionCode()).calendar().workingTimeBetween(timer.at(), c.sla().dueAt());
    }

    private record Firing(DueTimer timer, SlaCase c, Duration workingTimeLeft) {
    }
}
