package org.mtb.review.reviewcase;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The public notice (公示) an approval entered: shown on the region's list from {@code from} to {@code until}
 * inclusive, open to objections until {@code endsAt} (the start of the day after {@code until} in the region's time
 * zone).
 *
 * @param objections every objection raised, oldest first; the objectors themselves are kept apart, sealed
 * @param endedAt when the notice ended: run out, or an objection upheld; null while it runs
 */
record PublicNotice(LocalDate from, LocalDate until, Instant endsAt, List<Objection> objections,
        @Nullable Instant endedAt) {

    PublicNotice {
        objections = objections == null ? List.of() : List.copyOf(objections);
    }

    boolean anyUnsettled() {
        return objections.stream().anyMatch(o -> o.status() == Objection.Status.RAISED);
    }

    /**
     * One objection: who recorded it and when, and how a supervisor settled it. The objector's name and contact and
     * the objection's text are in {@code objections}, sealed.
     *
     * @param raisedBy the account that recorded it (the objector's own, or the clerk's who took it by phone or letter)
     */
    record Objection(String id, Instant raisedAt, String raisedBy, Status status, @Nullable String settledBy,
            @Nullable Instant settledAt, @Nullable String reason) {

        enum Status {
            RAISED,
            UPHELD,
            DISMISSED
        }
    }
}
