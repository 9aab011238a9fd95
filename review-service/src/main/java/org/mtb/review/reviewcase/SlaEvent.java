package org.mtb.review.reviewcase;

import java.time.Instant;
import org.mtb.review.timer.DueTimer;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An SLA event recorded when its timer fired, waiting to be published; kept a while afterwards, since its id is
 * what makes a second firing of the same timer a no-op.
 *
 * @param id {@code <application number>:<timer kind>:<deadline revision>}
 * @param moves the SLA state the case moves to when the event is published
 * @param dueAt when the timer was due; a case decided before that moment never gets the event
 * @param settledAt when it was published, or found no longer to hold and dropped; null while pending
 */
@Document(SlaEvent.COLLECTION)
record SlaEvent(
        @Id String id,
        String eventId,
        String topic,
        String applicationNumber,
        String payload,
        String regionCode,
        SlaState moves,
        long revision,
        Instant dueAt,
        Instant firedAt,
        Instant settledAt) {

    static final String COLLECTION = "sla_events";

    static String id(DueTimer timer) {
        return timer.subject() + ":" + timer.kind() + ":" + timer.revision();
    }
}
