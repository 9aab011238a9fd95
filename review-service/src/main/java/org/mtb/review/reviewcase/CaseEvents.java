package org.mtb.review.reviewcase;

import java.time.Instant;
import org.mtb.contracts.ApplicationEvent;
import org.mtb.support.outbox.OutboxEntry;
import tools.jackson.databind.json.JsonMapper;

/** A case's event as its outbox holds it: keyed by the application number, named by its event id. */
final class CaseEvents {

    private CaseEvents() {
    }

    static OutboxEntry entry(JsonMapper json, ApplicationEvent event, String topic, Instant now) {
        return new OutboxEntry(event.eventId().toString(), topic, event.applicationNumber(),
                json.writeValueAsString(event), now);
    }
}
