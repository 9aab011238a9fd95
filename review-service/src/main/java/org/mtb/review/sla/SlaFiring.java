package org.mtb.review.sla;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * SLA timers that fired together: one small document per batch, written in the moment they fall due, so that ten
 * thousand timers due in the same second are recorded within it. Their events are sent at once; {@link SlaEvents}
 * then moves each case, conditional on the case's version (a timer fired by two instances, or twice, moves its case
 * once), and stores the event in the case's outbox only where it was not sent.
 *
 * @param firedAt the moment they fired: their events' {@code occurredAt}
 * @param published whether Kafka acknowledged every event at the moment they fired, so that settling moves the cases
 *        without storing the events again
 */
@Document(SlaFiring.COLLECTION)
record SlaFiring(@Id String id, Instant firedAt, List<Fired> timers, boolean published) {

    static final String COLLECTION = "sla_firings";

    @PersistenceCreator
    SlaFiring {
    }

    /** Timers that fired together and whose events were not sent yet. */
    SlaFiring(String id, Instant firedAt, List<Fired> timers) {
        this(id, firedAt, timers, false);
    }

    /**
     * @param applicationNumber the case
     * @param moves {@code WARNED} for a warning timer, {@code BREACHED} for a breach timer
     * @param revision the deadline revision the timer was set for
     * @param dueAt when it was due; a case decided before that moment does not get the event
     * @param workingTimeLeftMillis for a warning, the working time from {@code dueAt} to the deadline
     */
    record Fired(String applicationNumber, SlaState moves, long revision, Instant dueAt, long workingTimeLeftMillis) {
    }
}
