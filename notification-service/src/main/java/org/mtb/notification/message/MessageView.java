package org.mtb.notification.message;

import java.time.Instant;
import java.util.Comparator;
import org.jspecify.annotations.Nullable;
import org.mtb.contracts.PersonalData;
import org.mtb.support.crypto.FieldCipher;

/**
 * A message as answered over HTTP: the phone masked, the delivery internals left out. {@code addressee} tells the
 * applicant's messages from the SMS to the agent (代办人) who applied for them.
 */
record MessageView(
        String id,
        String applicationNumber,
        EventType eventType,
        DeliveryChannel channel,
        String title,
        String body,
        @Nullable String recipient,
        Addressee addressee,
        MessageStatus status,
        int attempts,
        Instant createdAt,
        @Nullable Instant sentAt) {

    /** Oldest first; the messages of one event come in-app first, then the applicant's SMS, then the agent's. */
    static final Comparator<MessageView> ORDER = Comparator.comparing(MessageView::createdAt)
            .thenComparing(MessageView::channel).thenComparing(MessageView::addressee);

    /** Whom a message is to. */
    enum Addressee {
        APPLICANT,
        AGENT
    }

    /** The masked phone stored with the message; one stored in clear before encryption began is masked here. */
    private static @Nullable String shownPhone(ApplicantMessage m) {
        if (m.maskedPhone() != null || m.recipientPhone() == null) {
            return m.maskedPhone();
        }
        return FieldCipher.isSealed(m.recipientPhone()) ? null : PersonalData.maskPhone(m.recipientPhone());
    }

    static MessageView of(ApplicantMessage m) {
        return new MessageView(m.id(), m.applicationNumber(), m.eventType(), m.channel(), m.title(), m.body(),
                shownPhone(m), m.toAgent() ? Addressee.AGENT : Addressee.APPLICANT, m.status(), m.attempts(),
                m.createdAt(), m.sentAt());
    }
}
