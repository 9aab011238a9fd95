package org.mtb.review.reviewcase;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mtb.contracts.intake.SuppliedMaterial;
import org.mtb.contracts.review.SupplementItem;

/**
 * One supplement request (补正) of a case and what became of it.
 *
 * @param workingTimeLeftMillis the working time the deadline had left when the clock stopped; the case resumes with
 *        it where the region's policy does not restart the clock
 * @param suppliedEventId the {@code ApplicationSupplemented} that answered it; a redelivery of it finds it here
 */
record CaseSupplement(int round, List<SupplementItem> items, String requestedBy, Instant requestedAt, Instant dueAt,
        long workingTimeLeftMillis, @Nullable Instant suppliedAt, @Nullable String suppliedEventId,
        @Nullable List<SuppliedMaterial> supplied, @Nullable Instant lapsedAt) {

    boolean open() {
        return suppliedAt == null && lapsedAt == null;
    }
}
