package org.mtb.notification.message;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mtb.notification.sms.SmsGateway;
import org.mtb.notification.sms.SmsReceipt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * Sends SMS through the gateway and records the outcomes. A failure is kept, not thrown: the retry job tries again
 * later, and the Kafka event that caused the SMS is done with once its messages are stored.
 */
@Component
class SmsDelivery {

    private static final Logger log = LoggerFactory.getLogger(SmsDelivery.class);
    private static final int MAX_ERROR_LENGTH = 500;

    private final Messages messages;
    private final SmsGateway gateway;
    private final SmsDeliveryProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Counter givenUp;
    private final MessagePhones phones;

    SmsDelivery(Messages messages, SmsGateway gateway, SmsDeliveryProperties properties, Clock clock,
            MeterRegistry meters, MessagePhones phones) {
        this.phones = phones;
        this.messages = messages;
        this.gateway = gateway;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
        this.givenUp = meters.counter("notification.sms.failed");
    }

    /** Sends one SMS the caller owns, as {@link #deliverAll} does. */
    void deliver(ApplicantMessage sms) {
        deliverAll(List.of(sms));
    }

    /**
     * Sends SMS the caller owns until each one's {@code nextAttemptAt}: it has just inserted them, or claimed them
     * from the retry queue. They go to the gateway in one batch, and those that went through are recorded together
     * (one bulk update, one removal of their due entries). An SMS whose claim ran out already is not sent here but
     * left to the retry job, so that no other instance sends it too.
     */
    void deliverAll(List<ApplicantMessage> claimed) {
        Instant now = clock.instant();
        List<ApplicantMessage> sending = new ArrayList<>(claimed.size());
        for (ApplicantMessage sms : claimed) {
            if (sms.nextAttemptAt() != null && !now.isBefore(sms.nextAttemptAt())) {
                log.info("SMS {} about application {} left to the retry job: its claim ran out before its turn",
                        sms.id(), sms.applicationNumber());
            } else {
                sending.add(sms);
            }
        }
        if (sending.isEmpty()) {
            return;
        }
        List<SmsGateway.SmsOutcome> outcomes = send(sending);
        Instant sentAt = clock.instant();
        List<Delivered> delivered = new ArrayList<>(sending.size());
        for (int i = 0; i < sending.size(); i++) {
            ApplicantMessage sms = sending.get(i);
            SmsGateway.SmsOutcome outcome = outcomes.get(i);
            if (outcome.failure() != null) {
                try (var ignored = MDC.putCloseable("applicationNumber", sms.applicationNumber())) {
                    failed(sms, sms.attempts() + 1, outcome.failure());
                }
            } else {
                delivered.add(new Delivered(sms.sent(sms.attempts() + 1, sentAt), outcome.receipt()));
            }
        }
        record(delivered);
    }

    private void record(List<Delivered> delivered) {
        if (delivered.isEmpty()) {
            return;
        }
        messages.markSentAll(delivered.stream().map(Delivered::sms).toList());
        for (Delivered each : delivered) {
            ApplicantMessage sms = each.sms();
            try (var ignored = MDC.putCloseable("applicationNumber", sms.applicationNumber())) {
                meters.counter("notification.messages.sent", "channel", DeliveryChannel.SMS.name(),
                        "event", sms.eventType().name()).increment();
                log.info("SMS {} about application {} sent to {} on attempt {} (provider id {})", sms.id(),
                        sms.applicationNumber(), sms.maskedPhone(), sms.attempts(),
                        each.receipt() == null ? "-" : each.receipt().providerMessageId());
            }
        }
    }

    /**
     * One outcome per SMS, in order. Each phone is opened just before the batch goes to the gateway; an SMS whose
     * phone does not open fails on its own (and is retried, then given up), the others go.
     */
    private List<SmsGateway.SmsOutcome> send(List<ApplicantMessage> sending) {
        List<SmsGateway.SmsOutcome> outcomes = new ArrayList<>(java.util.Collections.nCopies(sending.size(), null));
        List<Integer> positions = new ArrayList<>(sending.size());
        List<SmsGateway.OutgoingSms> outgoing = new ArrayList<>(sending.size());
        for (int i = 0; i < sending.size(); i++) {
            ApplicantMessage sms = sending.get(i);
            try {
                outgoing.add(new SmsGateway.OutgoingSms(phones.open(sms), sms.body(), sms.applicationNumber()));
                positions.add(i);
            } catch (IllegalArgumentException doesNotOpen) {
                outcomes.set(i, SmsGateway.SmsOutcome.failed(doesNotOpen));
            }
        }
        try {
            List<SmsGateway.SmsOutcome> sent = outgoing.isEmpty() ? List.of() : gateway.sendAll(outgoing);
            for (int j = 0; j < positions.size(); j++) {
                outcomes.set(positions.get(j), sent.get(j));
            }
        } catch (RuntimeException refused) {
            positions.forEach(i -> outcomes.set(i, SmsGateway.SmsOutcome.failed(refused)));
        }
        return outcomes;
    }

    /** Counts an SMS that can never be sent, e.g. because the event carried no phone number. */
    void undeliverable(ApplicantMessage sms) {
        givenUp.increment();
        log.warn("SMS {} about application {} cannot be sent: {}", sms.id(), sms.applicationNumber(), sms.lastError());
    }

    private void failed(ApplicantMessage sms, int attempt, RuntimeException e) {
        // Provider errors may quote the number they refused; it is masked before it is stored or logged.
        String error = Redaction.redact(e.getClass().getSimpleName() + ": " + e.getMessage(), null);
        if (error.length() > MAX_ERROR_LENGTH) {
            error = error.substring(0, MAX_ERROR_LENGTH);
        }
        boolean givingUp = attempt >= properties.maxAttempts();
        Instant next = givingUp ? null : clock.instant().plus(properties.retryAfter(attempt));
        messages.markFailed(sms.id(), attempt, error, next);
        if (givingUp) {
            givenUp.increment();
            log.warn("SMS {} about application {} to {} failed {} times, giving up: {}", sms.id(),
                    sms.applicationNumber(), sms.maskedPhone(), attempt, error);
        } else {
            log.info("SMS {} about application {} failed on attempt {}, retried from {}: {}", sms.id(),
                    sms.applicationNumber(), attempt, next, error);
        }
    }

    /** An SMS the gateway took, as it is to be recorded, with the provider's receipt if it gave one. */
    private record Delivered(ApplicantMessage sms, @Nullable SmsReceipt receipt) {
    }
}
