package org.mtb.intake.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The public notice (公示) an approval entered, as review's events told of it, and the objections raised during it.
 * Review's events travel on several topics and may arrive in any order, so any part may be known before the rest.
 *
 * @param from  the notice's first day; null until {@code PublicNoticeStarted} arrives
 * @param until the notice's last day; null until the decision or {@code PublicNoticeStarted} arrives
 */
public record PublicNotice(@Nullable LocalDate from, @Nullable LocalDate until, List<Objection> objections) {

    /**
     * One objection (异议); who raised it and why stay in review.
     *
     * @param raisedAt  null while only its settlement has arrived
     * @param settledAt null until a supervisor settled it
     * @param upheld    whether it was upheld (the approval withdrawn); false while unsettled
     * @param reason    what the applicant is told of the settlement; null until settled
     */
    public record Objection(String id, @Nullable Instant raisedAt, @Nullable Instant settledAt, boolean upheld,
            @Nullable String reason) {

        public boolean open() {
            return settledAt == null;
        }
    }

    public static PublicNotice none() {
        return new PublicNotice(null, null, List.of());
    }

    /** The objection upheld, if any: then the approval is withdrawn. */
    public Optional<Objection> upheld() {
        return objections.stream().filter(Objection::upheld).findFirst();
    }

    public boolean anyOpen() {
        return objections.stream().anyMatch(Objection::open);
    }
}
