package org.mtb.review.reviewcase;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A reviewer's request to extend a case's deadline (遇特殊情况可延长), and a supervisor's answer.
 *
 * @param number which request of the case, from 1
 * @param previousDueAt the deadline the approval moved; null until approved
 * @param dueAt the deadline after it; null until approved
 */
record CaseExtension(int number, String requestedBy, Instant requestedAt, String reason, Status status,
        @Nullable String decidedBy, @Nullable Instant decidedAt, @Nullable String answer,
        @Nullable Instant previousDueAt, @Nullable Instant dueAt) {

    enum Status {
        REQUESTED,
        APPROVED,
        REFUSED
    }
}
