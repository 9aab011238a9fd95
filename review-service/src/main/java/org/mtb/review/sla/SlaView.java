package org.mtb.review.sla;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.mtb.calendar.WorkingDayCalendar;
import org.mtb.contracts.catalog.ReviewTimeLimit;

/**
 * A case's deadline as reviewers see it.
 *
 * @param startedAt when the clock started: the acceptance, or the supplement that reopened the case
 * @param revision the generation of the deadline: 1 at first, one more each time it is computed afresh (a supplement,
 *        a calendar change)
 * @param workingTimeLeft working time of the region's calendar until {@code breachAt}; negative once it has passed;
 *        null for a decided case
 */
public record SlaView(
        ReviewTimeLimit limit,
        Instant startedAt,
        long revision,
        Instant dueAt,
        Instant warnAt,
        Instant breachAt,
        SlaState state,
        boolean provisional,
        @Nullable Duration workingTimeLeft) {

    /** The deadline of a case; {@code open} while the case awaits its decision. */
    public static SlaView of(SlaClock sla, boolean open, WorkingDayCalendar calendar, Instant now) {
        Duration left = null;
        if (open) {
            left = now.isBefore(sla.breachAt()) ? calendar.workingTimeBetween(now, sla.breachAt())
                    : calendar.workingTimeBetween(sla.breachAt(), now).negated();
        }
        return new SlaView(sla.limit(), sla.startedAt(), sla.revision(), sla.dueAt(), sla.warnAt(), sla.breachAt(),
                sla.state(), sla.provisional(),
                left);
    }
}
