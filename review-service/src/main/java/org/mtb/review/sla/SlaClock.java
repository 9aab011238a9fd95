package org.mtb.review.sla;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.mtb.contracts.catalog.ReviewTimeLimit;

/**
 * A case's deadline and where it stands; kept inside the case.
 *
 * @param limit the time limit of the catalog version the case was opened under
 * @param startedAt when the clock started: the acceptance (a working moment or not; the calendar counts from the
 *        next working moment)
 * @param dueAt the deadline promised to the applicant; for a case due at once, its acceptance
 * @param warnAt when the warning share of the working time until {@code breachAt} has elapsed
 * @param breachAt when the case breaches: {@code dueAt}, or for a case due at once the end of its grace
 * @param provisional counted over a year whose holiday schedule is not loaded yet
 * @param calendarRevision the revision of the region's calendar it was counted with (0: the national default)
 * @param revision the generation of this deadline; it grows whenever the deadline is computed afresh, and a timer
 *        of an older generation is stale
 */
public record SlaClock(
        ReviewTimeLimit limit,
        Instant startedAt,
        Instant dueAt,
        Instant warnAt,
        Instant breachAt,
        boolean provisional,
        long calendarRevision,
        long revision,
        SlaState state,
        @Nullable Instant warnedAt,
        @Nullable Instant breachedAt) {

    public static final String WARNING = "SLA_WARNING";
    public static final String BREACH = "SLA_BREACH";

    /** The moment a timer that moves the case to {@code moves} is set for: the warning's or the breach's. */
    Instant moment(SlaState moves) {
        return moves == SlaState.WARNED ? warnAt : breachAt;
    }

    boolean sameDeadline(@Nullable SlaClock other) {
        return other != null && dueAt.equals(other.dueAt) && warnAt.equals(other.warnAt)
                && breachAt.equals(other.breachAt) && provisional == other.provisional;
    }
}
