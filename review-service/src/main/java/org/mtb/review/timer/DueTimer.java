package org.mtb.review.timer;

import java.time.Instant;

/**
 * One timer: at {@code at}, something of {@code kind} is due for {@code subject}.
 *
 * @param revision the generation of the subject's deadlines the timer was set for; a timer of an older
 *        generation is stale and its handler ignores it
 */
public record DueTimer(String subject, String kind, long revision, Instant at) {

    /** Two timers are one only if they are for the same moment too: two recomputes may give one revision. */
    String key() {
        return subject + '|' + kind + '|' + revision + '|' + at.toEpochMilli();
    }
}
