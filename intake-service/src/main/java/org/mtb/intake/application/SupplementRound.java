package org.mtb.intake.application;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mtb.contracts.review.SupplementItem;

/**
 * One supplement request (补正) of an application and what became of it. The application's submitted materials stay
 * as they were: a supplement adds its own items here.
 *
 * @param requestEventId the {@code SupplementRequested} event that asked for it
 * @param dueAt          the applicant's time to supplement ends then
 * @param supplied       the items given; null while open
 * @param lapsedAt       when the time ran out unanswered; null otherwise
 */
public record SupplementRound(int round, String requestEventId, List<SupplementItem> requested, Instant requestedAt,
        Instant dueAt, @Nullable Instant suppliedAt, @Nullable List<MaterialItem> supplied, @Nullable Instant lapsedAt) {

    boolean open() {
        return suppliedAt == null && lapsedAt == null;
    }
}
