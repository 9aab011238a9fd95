package org.mtb.notification.message;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.mtb.contracts.intake.ApplicationSubmitted;
import org.mtb.contracts.intake.ApplicationWithdrawn;
import org.mtb.contracts.review.ApplicationDecided;
import org.mtb.contracts.review.ObjectionRaised;
import org.mtb.contracts.review.ObjectionSettled;
import org.mtb.contracts.review.PublicNoticeStarted;
import org.mtb.contracts.review.QualificationExpired;
import org.mtb.contracts.review.QualificationGranted;
import org.mtb.contracts.review.QualificationRevoked;
import org.mtb.contracts.review.RecheckDue;
import org.mtb.contracts.review.ReviewExtended;
import org.mtb.contracts.review.SupplementLapsed;
import org.mtb.contracts.review.SupplementRequested;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Service;

/**
 * Turns each event into exactly one in-app message and one SMS, and one SMS more to the agent (代办人) where one
 * applied for the person ({@link Occasions#withAgents}), for a Kafka poll's events together: a few bulk commands per
 * poll, not per event. Each message has an id derived from its event, so one query finds the messages stored before:
 * a redelivered event only reads, and writes and sends nothing again. The new messages are inserted each on its own
 * (an unordered bulk insert, after their index and due entries), so that a crash part-way is completed, not skipped,
 * by the redelivery: it finds the messages stored before and stores the others.
 */
@Service
class Notifier {

    private static final Logger log = LoggerFactory.getLogger(Notifier.class);

    private final MessageBatches batches;
    private final MessageTemplates templates;
    private final SmsDelivery delivery;
    private final SmsDeliveryProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Occasions occasions;

    Notifier(MessageBatches batches, MessageTemplates templates, SmsDelivery delivery,
            SmsDeliveryProperties properties, Clock clock, MeterRegistry meters, MessagePhones phones) {
        this.occasions = new Occasions(phones);
        this.batches = batches;
        this.templates = templates;
        this.delivery = delivery;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
    }

    /** Tells the applicants of {@link EventChecks#checked checked} submissions, in the order given. */
    void submittedAll(List<ApplicationSubmitted> events) {
        tell(events.stream().map(occasions::of).toList());
    }

    /** Tells the applicants of {@link EventChecks#checked checked} decisions, in the order given. */
    void decidedAll(List<ApplicationDecided> events) {
        tell(events.stream().map(occasions::of).toList());
    }

    /** Tells the applicants of {@link EventChecks#checked checked} supplement requests, in the order given. */
    void supplementRequestedAll(List<SupplementRequested> events) {
        tell(events.stream().map(occasions::of).toList());
    }

    /** Tells the applicants of {@link EventChecks#checked checked} lapsed supplement requests, in the order given. */
    void supplementLapsedAll(List<SupplementLapsed> events) {
        tell(events.stream().map(occasions::of).toList());
    }

    /** Tells the applicants of {@link EventChecks#checked checked} withdrawals, in the order given. */
    void withdrawnAll(List<ApplicationWithdrawn> events) {
        tell(events.stream().map(occasions::of).toList());
    }

    /** Tells the applicants of {@link EventChecks#checked checked} extended review deadlines, in the order given. */
    void reviewExtendedAll(List<ReviewExtended> events) {
        tell(events.stream().map(occasions::of).toList());
    }

    /** Tells the applicants of {@link EventChecks#checked checked} public notices of approvals, in the order given. */
    void publicNoticeStartedAll(List<PublicNoticeStarted> events) {
        tell(events.stream().map(occasions::of).toList());
    }

    /** Tells the applicants of {@link EventChecks#checked checked} objections raised, in the order given. */
    void objectionRaisedAll(List<ObjectionRaised> events) {
        tell(events.stream().map(occasions::of).toList());
    }

    /** Tells the applicants of {@link EventChecks#checked checked} objections settled, in the order given. */
    void objectionSettledAll(List<ObjectionSettled> events) {
        tell(events.stream().map(occasions::of).toList());
    }

    /** Tells the applicants of {@link EventChecks#checked checked} qualifications granted, in the order given. */
    void qualificationGrantedAll(List<QualificationGranted> events) {
        tell(events.stream().map(occasions::of).toList());
    }

    /** Tells the applicants of {@link EventChecks#checked checked} qualifications revoked, in the order given. */
    void qualificationRevokedAll(List<QualificationRevoked> events) {
        tell(events.stream().map(occasions::of).toList());
    }

    /** Reminds the applicants of {@link EventChecks#checked checked} re-checks due, in the order given. */
    void recheckDueAll(List<RecheckDue> events) {
        tell(events.stream().map(occasions::of).toList());
    }

    /** Tells the applicants of {@link EventChecks#checked checked} qualifications expired, in the order given. */
    void qualificationExpiredAll(List<QualificationExpired> events) {
        tell(events.stream().map(occasions::of).toList());
    }

    private void tell(List<Occasion> told) {
        List<Occasion> occasions = Occasions.withAgents(told, batches::agentsOf);
        Instant now = clock.instant();
        // Stored claimed by this instance for the lease: no retry job takes them while they are being sent here.
        // Stored to the millisecond, as MongoDB keeps it, so that the claim recognises its own due entries.
        Instant claimedUntil = now.plus(properties.claimLease()).truncatedTo(ChronoUnit.MILLIS);
        Map<UUID, List<ApplicantMessage>> byEvent = new LinkedHashMap<>();
        for (Occasion occasion : occasions) {
            if (byEvent.containsKey(occasion.eventId())) {
                redelivered(occasion.eventId(), occasion.notice().applicationNumber());
            } else {
                byEvent.put(occasion.eventId(), messagesOf(occasion, now, claimedUntil));
            }
        }
        Set<String> stored = batches.existingIds(byEvent.values().stream().flatMap(List::stream)
                .map(ApplicantMessage::id).toList());
        List<ApplicantMessage> fresh = new ArrayList<>();
        byEvent.forEach((eventId, messages) -> {
            List<ApplicantMessage> notStored = messages.stream().filter(m -> !stored.contains(m.id())).toList();
            if (notStored.isEmpty()) {
                redelivered(eventId, messages.getFirst().applicationNumber());
            }
            fresh.addAll(notStored);
        });
        if (fresh.isEmpty()) {
            return;
        }
        MessageBatches.Stored written = batches.storeAll(fresh, Occasions.submittedAgents(occasions));
        List<ApplicantMessage> pendingSms = reportStored(written.inserted());
        List<ApplicantMessage> claimed = batches.claimFirstAll(pendingSms, written.dueWritten(), now);
        if (claimed.size() < pendingSms.size()) {
            Set<String> claimedIds = claimed.stream().map(ApplicantMessage::id).collect(Collectors.toSet());
            pendingSms.stream().filter(sms -> !claimedIds.contains(sms.id())).forEach(Notifier::claimedElsewhere);
        }
        delivery.deliverAll(claimed);
    }

    /** Counts and logs the messages this instance stored; answers the pending SMS among them, to be sent. */
    private List<ApplicantMessage> reportStored(List<ApplicantMessage> inserted) {
        List<ApplicantMessage> pendingSms = new ArrayList<>();
        for (ApplicantMessage message : inserted) {
            try (var ignored = MDC.putCloseable("applicationNumber", message.applicationNumber())) {
                if (message.channel() == DeliveryChannel.IN_APP) {
                    meters.counter("notification.messages.sent", "channel", DeliveryChannel.IN_APP.name(),
                            "event", message.eventType().name()).increment();
                    log.info("In-app message {} about application {} stored", message.id(),
                            message.applicationNumber());
                } else if (message.nextAttemptAt() == null) {
                    delivery.undeliverable(message);
                } else {
                    pendingSms.add(message);
                }
            }
        }
        return pendingSms;
    }

    private List<ApplicantMessage> messagesOf(Occasion occasion, Instant now, Instant claimedUntil) {
        UUID eventId = occasion.eventId();
        Notice notice = occasion.notice();
        MessagePhones.Phone phone = occasion.phone();
        ApplicantMessage inApp = ApplicantMessage.inApp(eventId, notice, templates.inApp(notice), phone, now);
        if (occasion.inAppOnly()) {
            return List.of(inApp);
        }
        RenderedMessage text = templates.sms(notice);
        ApplicantMessage sms = phone == null
                ? ApplicantMessage.undeliverableSms(eventId, notice, text, now)
                : ApplicantMessage.pendingSms(eventId, notice, text, phone, now, claimedUntil);
        AgentOnFile agent = occasion.agent();
        return agent == null ? List.of(inApp, sms) : List.of(inApp, sms, ApplicantMessage.pendingAgentSms(eventId,
                notice, templates.agentSms(notice, agent.maskedName()), agent, now, claimedUntil));
    }

    private void redelivered(UUID eventId, String applicationNumber) {
        meters.counter("notification.events.duplicates").increment();
        try (var ignored = MDC.putCloseable("applicationNumber", applicationNumber)) {
            log.debug("Messages of event {} exist already; event redelivered, nothing written or sent", eventId);
        }
    }

    private static void claimedElsewhere(ApplicantMessage sms) {
        try (var ignored = MDC.putCloseable("applicationNumber", sms.applicationNumber())) {
            log.info("SMS {} about application {} is claimed by another instance; sent from there or by a retry",
                    sms.id(), sms.applicationNumber());
        }
    }
}
