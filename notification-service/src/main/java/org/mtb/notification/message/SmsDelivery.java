package org.mtb.notification.message;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import org.mtb.contracts.PersonalData;
import org.mtb.notification.sms.SmsGateway;
import org.mtb.notification.sms.SmsReceipt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends one SMS through the gateway and records the outcome. A failure is kept, not thrown: the retry job
 * tries again later, and the Kafka event that caused the SMS is done with once its messages are stored.
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

    SmsDelivery(Messages messages, SmsGateway gateway, SmsDeliveryProperties properties, Clock clock,
            MeterRegistry meters) {
        this.messages = messages;
        this.gateway = gateway;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
        this.givenUp = meters.counter("notification.sms.failed");
    }

    /** Sends {@code sms}, which the caller owns: it has just inserted it, or claimed it from the retry queue. */
    void deliver(ApplicantMessage sms) {
        int attempt = sms.attempts() + 1;
        SmsReceipt receipt;
        try {
            receipt = gateway.send(sms.recipientPhone(), sms.body());
        } catch (RuntimeException e) {
            failed(sms, attempt, e);
            return;
        }
        messages.markSent(sms.id(), attempt, clock.instant());
        meters.counter("notification.messages.sent", "channel", DeliveryChannel.SMS.name(),
                "event", sms.eventType().name()).increment();
        log.info("SMS {} about application {} sent to {} on attempt {} (provider id {})", sms.id(),
                sms.applicationNumber(), PersonalData.maskPhone(sms.recipientPhone()), attempt,
                receipt == null ? "-" : receipt.providerMessageId());
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
                    sms.applicationNumber(), PersonalData.maskPhone(sms.recipientPhone()), attempt, error);
        } else {
            log.info("SMS {} about application {} failed on attempt {}, retried from {}: {}", sms.id(),
                    sms.applicationNumber(), attempt, next, error);
        }
    }
}
