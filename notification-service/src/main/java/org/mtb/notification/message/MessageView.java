package org.mtb.notification.message;

import java.time.Instant;
import java.util.Comparator;
import org.jspecify.annotations.Nullable;
import org.mtb.contracts.PersonalData;

/** A message as answered over HTTP: the phone masked, the delivery internals left out. */
record MessageView(
        String id,
        String applicationNumber,
        EventType eventType,
        DeliveryChannel channel,
        String title,
        String body,
        @Nullable String recipient,
        MessageStatus status,
        int attempts,
        Instant createdAt,
        @Nullable Instant sentAt) {

    /** Oldest first; the two messages of one event come in-app first, then SMS. */
    static final Comparator<MessageView> ORDER = Comparator.comparing(MessageView::createdAt)
            .thenComparing(MessageView::channel);

    static MessageView of(ApplicantMessage m) {
        return new MessageView(m.id(), m.applicationNumber(), m.eventType(), m.channel(), m.title(), m.body(),
                PersonalData.maskPhone(m.recipientPhone()), m.status(), m.attempts(), m.createdAt(), m.sentAt());
    }
}
