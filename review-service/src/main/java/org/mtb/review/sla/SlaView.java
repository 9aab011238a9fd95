package org.mtb.review.reviewcase;

import java.time.Duration;
import java.time.Instant;
import org.mtb.calendar.WorkingDayCalendar;
import org.mtb.contracts.catalog.ReviewTimeLimit;

/**
 * A case's deadline as reviewers see it.
 *
 * @param workingTimeLeft working time of the region's calendar until {@code breachAt}; negative once it has passed;
 *        null for a decided case
 */
record SlaView(
        ReviewTimeLimit limit,
        Instant dueAt,
        Instant warnAt,
        Instant breachAt,
        SlaState state,
        boolean provisional,
        Duration workingTimeLeft) {

    static SlaView of(ReviewCase c, WorkingDayCalendar calendar, Instant now) {
        SlaClock sla = c.sla();
        Duration left = null;
        if (c.status() == CaseStatus.OPEN) {
            left = now.isBefore(sla.breachAt()) ? calendar.workingTimeBetween(now, sla.breachAt())
                    : calendar.workingTimeBetween(sla.breachAt(), now).negated();
        }
        return new SlaView(sla.limit(), sla.dueAt(), sla.warnAt(), sla.breachAt(), sla.state(), sla.provisional(),
                left);
    }
}
