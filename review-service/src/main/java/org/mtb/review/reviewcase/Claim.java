package org.mtb.review.reviewcase;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A reviewer's lease on a case: while it holds, only that reviewer decides the case, and the queue shows the case as
 * taken. It lapses by itself at {@code until} unless renewed, so a case left by a reviewer who went home returns to
 * the queue without anybody releasing it.
 *
 * @param reviewer the holder's user name (the token's {@code preferred_username}): what a supervisor assigns to and
 *        another reviewer is shown
 * @param claimedAt when the holder first took it (kept across renewals)
 * @param assignedBy the supervisor who assigned it; null when the reviewer claimed it
 */
record Claim(String reviewer, Instant claimedAt, Instant until, @Nullable String assignedBy) {

    boolean holdsAt(Instant now) {
        return now.isBefore(until);
    }

    boolean heldBy(String username, Instant now) {
        return holdsAt(now) && reviewer.equals(username);
    }
}
