package org.mtb.notification.message;

import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Re-sends the SMS that failed, or that were left PENDING by an instance that stopped before sending. */
@Component
class SmsRetryJob {

    private static final Logger log = LoggerFactory.getLogger(SmsRetryJob.class);
    private static final int BATCH = 50;

    private final Messages messages;
    private final SmsDelivery delivery;
    private final SmsDeliveryProperties properties;
    private final Clock clock;

    SmsRetryJob(Messages messages, SmsDelivery delivery, SmsDeliveryProperties properties, Clock clock) {
        this.messages = messages;
        this.delivery = delivery;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${notification.sms.retry-interval:5s}")
    void retryDue() {
        for (ApplicantMessage due : messages.dueSms(clock.instant(), properties.maxAttempts(), BATCH)) {
            try (var ignored = MDC.putCloseable("applicationNumber", due.applicationNumber())) {
                // The lease runs from the claim, not from the batch's start: the sends before it may have been slow.
                Instant claimedUntil = clock.instant().plus(properties.claimLease());
                if (messages.claim(due, claimedUntil)) {
                    delivery.deliver(due.withNextAttemptAt(claimedUntil));
                }
            } catch (RuntimeException e) {
                // One message the store could not update must not hold up the others; it is due again after its lease.
                log.warn("Retrying SMS {} about application {} failed: {}", due.id(), due.applicationNumber(),
                        Redaction.redact(e.toString(), null));
            }
        }
    }
}
