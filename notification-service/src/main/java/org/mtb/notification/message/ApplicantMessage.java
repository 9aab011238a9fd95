package org.mtb.notification.message;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mtb.contracts.intake.Submitter;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One message to an applicant on one channel. The id {@code <eventId>:<channel>} is the idempotency check: a
 * redelivered event finds its own earlier messages by id (or collides with them on insert, should another instance
 * store them meanwhile). {@code recipientPhone} is sealed as intake sealed it ({@link MessagePhones}), opened only to
 * hand the SMS to the gateway; answers show {@code maskedPhone}.
 *
 * @param nextAttemptAt when the retry job may (re)send this SMS; absent once SENT or given up
 * @param submittedBy   who submitted the application, on the messages of its submission; copied to the
 *                      application's index entry, which decides who may read its messages
 * @param insuredIndex  the blind index of the insured person's ID number, on the messages of a submission; copied
 *                      to the index entry too, so that the insured person reads them whoever submitted
 * @param institution   the diagnosing hospital's institution code, on the messages of a submission; copied to the
 *                      index entry, so that staff narrowed to an institution read only its applications' messages
 */
@Document(ApplicantMessage.COLLECTION)
record ApplicantMessage(
        @Id String id,
        String applicationNumber,
        String eventId,
        EventType eventType,
        DeliveryChannel channel,
        @Nullable String recipientPhone,
        String title,
        String body,
        MessageStatus status,
        int attempts,
        Instant createdAt,
        @Nullable Instant sentAt,
        @Nullable String lastError,
        @Nullable Instant nextAttemptAt,
        @Nullable Submitter submittedBy,
        @Nullable String maskedPhone,
        @Nullable String insuredIndex,
        @Nullable String institution) {

    static final String COLLECTION = "messages";

    ApplicantMessage withNextAttemptAt(Instant at) {
        return new ApplicantMessage(id, applicationNumber, eventId, eventType, channel, recipientPhone, title, body,
                status, attempts, createdAt, sentAt, lastError, at, submittedBy, maskedPhone, insuredIndex, institution);
    }

    /** This SMS as sent on its {@code attempts}-th attempt: nothing is due any more; the last error stays visible. */
    ApplicantMessage sent(int attempts, Instant at) {
        return new ApplicantMessage(id, applicationNumber, eventId, eventType, channel, recipientPhone, title, body,
                MessageStatus.SENT, attempts, createdAt, at, lastError, null, submittedBy, maskedPhone, insuredIndex, institution);
    }

    static String idOf(UUID eventId, DeliveryChannel channel) {
        return eventId + ":" + channel.name();
    }

    /** The app reads its inbox from our API, so an in-app message is delivered the moment it is stored. */
    static ApplicantMessage inApp(UUID eventId, Notice notice, RenderedMessage text, MessagePhones.@Nullable Phone phone,
            Instant now) {
        return create(eventId, notice, DeliveryChannel.IN_APP, phone, text, MessageStatus.SENT, 1, now, now, null, null);
    }

    /**
     * An SMS about to be sent, claimed by its sender until {@code claimedUntil}; should the sender die first, the
     * retry job takes it then.
     */
    static ApplicantMessage pendingSms(UUID eventId, Notice notice, RenderedMessage text, MessagePhones.Phone phone,
            Instant now, Instant claimedUntil) {
        return create(eventId, notice, DeliveryChannel.SMS, phone, text, MessageStatus.PENDING, 0, now, null, null,
                claimedUntil);
    }

    /** An SMS that cannot be sent because the event named no phone: kept FAILED so that it is visible. */
    static ApplicantMessage undeliverableSms(UUID eventId, Notice notice, RenderedMessage text, Instant now) {
        return create(eventId, notice, DeliveryChannel.SMS, null, text, MessageStatus.FAILED, 0, now, null,
                "no phone number in the event", null);
    }

    private static ApplicantMessage create(UUID eventId, Notice notice, DeliveryChannel channel,
            MessagePhones.@Nullable Phone phone, RenderedMessage text, MessageStatus status, int attempts, Instant now,
            @Nullable Instant sentAt, @Nullable String lastError, @Nullable Instant nextAttemptAt) {
        return new ApplicantMessage(idOf(eventId, channel), notice.applicationNumber(), eventId.toString(), notice.type(),
                channel, phone == null ? null : phone.sealed(), text.title(), text.body(), status, attempts, now, sentAt,
                lastError, nextAttemptAt, notice.submittedBy(), phone == null ? null : phone.masked(),
                notice.insuredIndex(), notice.institution());
    }

    @Override
    public String toString() {
        return "ApplicantMessage[" + id + ", " + applicationNumber + ", " + eventType + ", " + channel + ", "
                + maskedPhone + ", " + status + ", attempts=" + attempts + "]";
    }
}
