package org.mtb.notification.message;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mtb.contracts.intake.Applicant;
import org.mtb.contracts.intake.ApplicationSubmitted;
import org.mtb.contracts.review.ApplicationDecided;
import org.mtb.contracts.review.DecisionOutcome;
import org.mtb.contracts.review.Recipient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Service;

/**
 * Turns each event into exactly one in-app message and one SMS. Each message is inserted under an id derived
 * from the event, so a redelivered event finds its messages stored and sends nothing again; the two inserts are
 * independent so that a crash between them is completed, not skipped, by the redelivery.
 */
@Service
class Notifier {

    private static final Logger log = LoggerFactory.getLogger(Notifier.class);

    private final Messages messages;
    private final MessageTemplates templates;
    private final SmsDelivery delivery;
    private final SmsDeliveryProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;

    Notifier(Messages messages, MessageTemplates templates, SmsDelivery delivery, SmsDeliveryProperties properties,
            Clock clock, MeterRegistry meters) {
        this.messages = messages;
        this.templates = templates;
        this.delivery = delivery;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
    }

    void submitted(ApplicationSubmitted event) {
        Applicant applicant = event.applicant();
        String name = applicant == null ? null : applicant.name();
        String phone = applicant == null ? null : applicant.phone();
        notify(event.eventId(), EventType.APPLICATION_SUBMITTED, event.applicationNumber(), event.diseaseName(), name,
                phone, List.of());
    }

    void decided(ApplicationDecided event) {
        require(event.outcome(), "outcome");
        EventType type = event.outcome() == DecisionOutcome.APPROVED
                ? EventType.APPLICATION_APPROVED : EventType.APPLICATION_REJECTED;
        Recipient recipient = event.recipient();
        String name = recipient == null ? null : recipient.name();
        String phone = recipient == null ? null : recipient.phone();
        notify(event.eventId(), type, event.applicationNumber(), event.diseaseName(), name, phone, event.reasons());
    }

    private void notify(UUID eventId, EventType type, String applicationNumber, String diseaseName,
            @Nullable String name, @Nullable String phone, List<String> reasons) {
        // An event without these cannot be told to anyone: failing sends it to the dead-letter topic for a look.
        require(eventId, "eventId");
        require(applicationNumber, "applicationNumber");
        require(diseaseName, "diseaseName");
        try (var ignored = MDC.putCloseable("applicationNumber", applicationNumber)) {
            Notice notice = new Notice(type, applicationNumber, diseaseName, name, reasons);
            Instant now = clock.instant();
            storeInApp(eventId, notice, phone, now);
            storeAndSendSms(eventId, notice, phone, now);
        }
    }

    private void storeInApp(UUID eventId, Notice notice, @Nullable String phone, Instant now) {
        ApplicantMessage inApp = ApplicantMessage.inApp(eventId, notice, templates.inApp(notice), phone, now);
        if (messages.insertIfAbsent(inApp)) {
            meters.counter("notification.messages.sent", "channel", DeliveryChannel.IN_APP.name(),
                    "event", notice.type().name()).increment();
            log.info("In-app message {} about application {} stored", inApp.id(), notice.applicationNumber());
        } else {
            meters.counter("notification.events.duplicates").increment();
            log.debug("In-app message {} exists already; event redelivered", inApp.id());
        }
    }

    private void storeAndSendSms(UUID eventId, Notice notice, @Nullable String phone, Instant now) {
        RenderedMessage text = templates.sms(notice);
        if (phone == null || phone.isBlank()) {
            ApplicantMessage sms = ApplicantMessage.undeliverableSms(eventId, notice, text, now);
            if (messages.insertIfAbsent(sms)) {
                delivery.undeliverable(sms);
            }
            return;
        }
        // Stored claimed by this instance for the lease: no retry job takes it while it is being sent here. Stored to
        // the millisecond, as MongoDB keeps it, so that the claim recognises its own due entry.
        ApplicantMessage sms = ApplicantMessage.pendingSms(eventId, notice, text, phone.strip(), now,
                now.plus(properties.claimLease()).truncatedTo(ChronoUnit.MILLIS));
        if (!messages.insertIfAbsent(sms)) {
            log.debug("SMS {} exists already; event redelivered, nothing sent", sms.id());
        } else if (messages.claimFirst(sms, now)) {
            delivery.deliver(sms);
        } else {
            log.info("SMS {} about application {} is claimed by another instance; sent from there or by a retry",
                    sms.id(), notice.applicationNumber());
        }
    }

    private static void require(@Nullable Object value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("The event has no " + field);
        }
    }
}
