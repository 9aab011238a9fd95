package org.mtb.notification.message;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mtb.contracts.intake.Submitter;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One message to an applicant on one channel, or one SMS to the agent (代办人) who applied for them. The id {@code
 * <eventId>:<channel>} ({@code <eventId>:SMS:AGENT} for the agent's SMS) is the idempotency check: a redelivered event
 * finds its own earlier messages by id (or collides with them on insert, should another instance store them
 * meanwhile). {@code recipientPhone} is sealed as intake sealed it ({@link MessagePhones}), opened only to hand the
 * SMS to the gateway; answers show {@code maskedPhone}.
 *
 * @param nextAttemptAt when the retry job may (re)send this SMS; absent once SENT or given up
 * @param submittedBy   who submitted the application, on the messages of its submission; copied to the
 *                      application's index entry, which decides who may read its messages
 * @param insuredIndex  the blind index of the insured person's ID number, on the messages of a submission; copied
 *                      to the index entry too, so that the insured person reads them whoever submitted
 * @param institution   the diagnosing hospital's institution code, on the messages of a submission; copied to the
 *                      index entry, so that staff narrowed to an institution read only its applications' messages
 * @param agentPhone    on the agent's SMS only, in place of {@code recipientPhone}: the agent's phone, sealed in its
 *                      own field and context ({@link org.mtb.contracts.SealedField#AGENT_PHONE}), so that the
 *                      re-encryption job knows the context of each field
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
        @Nullable String institution,
        @Nullable String agentPhone) {

    static final String COLLECTION = "messages";
    private static final String AGENT_SMS = ":SMS:AGENT";

    ApplicantMessage withNextAttemptAt(Instant at) {
        return new ApplicantMessage(id, applicationNumber, eventId, eventType, channel, recipientPhone, title, body,
                status, attempts, createdAt, sentAt, lastError, at, submittedBy, maskedPhone, insuredIndex, institution,
                agentPhone);
    }

    /** This SMS as sent on its {@code attempts}-th attempt: nothing is due any more; the last error stays visible. */
    ApplicantMessage sent(int attempts, Instant at) {
        return new ApplicantMessage(id, applicationNumber, eventId, eventType, channel, recipientPhone, title, body,
                MessageStatus.SENT, attempts, createdAt, at, lastError, null, submittedBy, maskedPhone, insuredIndex,
                institution, agentPhone);
    }

    static String idOf(UUID eventId, DeliveryChannel channel) {
        return eventId + ":" + channel.name();
    }

    /** Whether this is the SMS to the applicant's agent. */
    boolean toAgent() {
        return agentPhone != null;
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

    /**
     * The agent's SMS of an event, claimed as {@link #pendingSms} is: the same application, event and readers as the
     * applicant's messages, to the agent's phone.
     */
    static ApplicantMessage pendingAgentSms(UUID eventId, Notice notice, RenderedMessage text, AgentOnFile agent,
            Instant now, Instant claimedUntil) {
        return new ApplicantMessage(eventId + AGENT_SMS, notice.applicationNumber(), eventId.toString(), notice.type(),
                DeliveryChannel.SMS, null, text.title(), text.body(), MessageStatus.PENDING, 0, now, null, null,
                claimedUntil, notice.submittedBy(), agent.maskedPhone(), notice.insuredIndex(), notice.institution(),
                agent.phone());
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
                notice.insuredIndex(), notice.institution(), null);
    }

    @Override
    public String toString() {
        return "ApplicantMessage[" + id + ", " + applicationNumber + ", " + eventType + ", " + channel + ", "
                + maskedPhone + ", " + status + ", attempts=" + attempts + "]";
    }
}
