package org.mtb.review.outbox;

import java.util.List;
import org.springframework.data.mongodb.core.query.Query;

/**
 * A collection whose documents are events themselves rather than documents with an {@code outbox} array, and whose
 * events need a check before they go out. The relay hands it the marked documents of its collection, a batch at a
 * time.
 */
public interface MarkedDocuments {

    String collection();

    /** The documents not yet settled, for the relay's sweep after a lost mark. */
    Query unsettled();

    /** Publishes the documents' events through {@code sender} where they still hold; called again after a crash. */
    void publish(List<Object> documentIds, EventSender sender);

    /** One event to send. */
    record OutgoingEvent(String topic, String key, String eventId, String payload) {
    }

    /** Sends events side by side and returns once Kafka acknowledged every one; throws if any failed. */
    @FunctionalInterface
    interface EventSender {
        void sendAll(List<OutgoingEvent> events);
    }
}
