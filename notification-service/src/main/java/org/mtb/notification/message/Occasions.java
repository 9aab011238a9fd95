package org.mtb.notification.message;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.mtb.contracts.SealedField;
import org.mtb.contracts.intake.Agent;
import org.mtb.contracts.intake.Applicant;
import org.mtb.contracts.intake.ApplicationSubmitted;
import org.mtb.contracts.intake.ApplicationWithdrawn;
import org.mtb.contracts.review.ApplicationDecided;
import org.mtb.contracts.review.DecisionOutcome;
import org.mtb.contracts.review.ObjectionRaised;
import org.mtb.contracts.review.ObjectionSettled;
import org.mtb.contracts.review.PublicNoticeStarted;
import org.mtb.contracts.review.QualificationExpired;
import org.mtb.contracts.review.QualificationGranted;
import org.mtb.contracts.review.QualificationRevoked;
import org.mtb.contracts.review.RecheckDue;
import org.mtb.contracts.review.Recipient;
import org.mtb.contracts.review.ReviewExtended;
import org.mtb.contracts.review.SupplementItem;
import org.mtb.contracts.review.SupplementLapsed;
import org.mtb.contracts.review.SupplementRequested;
import org.mtb.support.crypto.FieldCipher;

/**
 * What each {@link EventChecks#checked checked} event tells its applicant, the phone to tell it to, and the agent
 * (代办人) to tell it to as well.
 */
final class Occasions {

    /** Between an item's name and the reviewer's reason, as the in-app message lists them. */
    private static final String ITEM_REASON = "：";

    private final MessagePhones phones;

    Occasions(MessagePhones phones) {
        this.phones = phones;
    }

    /** The masked name and the sealed phone (schema 2), or both made here from the clear values (schema 1). */
    Occasion of(ApplicationSubmitted event) {
        Applicant applicant = event.applicant();
        String number = event.applicationNumber();
        Applicant.Masked masked = applicant == null ? null : applicant.maskedForms();
        MessagePhones.Phone phone = applicant == null ? null
                : phones.of(number, applicant.phone(), masked.phone());
        String insured = applicant == null ? null : applicant.idNumberIndex();
        return new Occasion(event.eventId(), new Notice(EventType.APPLICATION_SUBMITTED, number,
                event.diseaseName(), masked == null ? null : masked.name(), List.of(), null, event.submittedBy(),
                insured, event.hospital() == null ? null : event.hospital().code(), null, null), phone,
                agentOf(number, event.agent()), false);
    }

    /**
     * The occasions, each later event's with the agent its application's index entry keeps ({@code remembered}, one
     * query for all); a submission names its own. The submission and the later events come on different topics, with
     * no order across them: an event met before its application's submission was (or while it is being) stored cannot
     * know the agent, and is told to the applicant only; nothing waits or retries for the agent. Should such an event
     * be redelivered after the submission was stored, the agent's SMS is then the one message of it not yet stored,
     * and is sent then, once.
     */
    static List<Occasion> withAgents(List<Occasion> occasions,
            Function<Set<String>, Map<String, AgentOnFile>> remembered) {
        Set<String> numbers = occasions.stream().filter(occasion -> !submission(occasion))
                .map(occasion -> occasion.notice().applicationNumber())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (numbers.isEmpty()) {
            return occasions;
        }
        Map<String, AgentOnFile> agents = remembered.apply(numbers);
        return occasions.stream().map(occasion -> submission(occasion) ? occasion
                : occasion.withAgent(agents.get(occasion.notice().applicationNumber()))).toList();
    }

    /** The agents the submissions among {@code occasions} name, by application number: to remember. */
    static Map<String, AgentOnFile> submittedAgents(List<Occasion> occasions) {
        Map<String, AgentOnFile> agents = new HashMap<>();
        occasions.stream().filter(occasion -> submission(occasion) && occasion.agent() != null)
                .forEach(occasion -> agents.put(occasion.notice().applicationNumber(), occasion.agent()));
        return agents;
    }

    /**
     * The agent as the index entry keeps it: the phone sealed as sent (or sealed here, had it come in clear), the
     * masked forms; none for an agent without a phone, who cannot be told by SMS.
     */
    private @Nullable AgentOnFile agentOf(String applicationNumber, @Nullable Agent agent) {
        if (agent == null) {
            return null;
        }
        // Intake sends the masked forms beside sealed values; masks made here from a sealed value would be nonsense.
        Applicant.Masked masked = agent.masked() != null || agent.name() == null || FieldCipher.isSealed(agent.name())
                ? agent.masked() : agent.maskedForms();
        MessagePhones.Phone phone = phones.of(SealedField.AGENT_PHONE, applicationNumber, agent.phone(),
                masked == null ? null : masked.phone());
        if (phone == null) {
            return null;
        }
        return new AgentOnFile(phone.sealed(), phone.masked(), masked == null ? null : masked.name(),
                agent.relationship() == null ? null : agent.relationship().name());
    }

    private static boolean submission(Occasion occasion) {
        return occasion.notice().type() == EventType.APPLICATION_SUBMITTED;
    }

    /** An approval with the day its benefit starts, or the last day of the public notice it entered, where given. */
    Occasion of(ApplicationDecided event) {
        boolean approved = event.outcome() == DecisionOutcome.APPROVED;
        EventType type = approved ? EventType.APPLICATION_APPROVED : EventType.APPLICATION_REJECTED;
        Notice.Terms terms = approved ? Notice.Terms.approval(event.effectiveFrom(), event.publicNoticeUntil()) : null;
        return occasion(event.eventId(), type, event.applicationNumber(), event.diseaseName(), event.recipient(),
                event.reasons(), terms);
    }

    /** The items reach the templates as reasons, "名称：原因", in the reviewer's order. */
    Occasion of(SupplementRequested event) {
        List<String> items = event.items().stream().map(Occasions::item).toList();
        return new Occasion(event.eventId(), new Notice(EventType.SUPPLEMENT_REQUESTED, event.applicationNumber(),
                event.diseaseName(), nameOf(event.recipient()), items,
                new Notice.Supplement(event.round(), event.supplementDueAt())),
                phoneOf(event.applicationNumber(), event.recipient()));
    }

    Occasion of(SupplementLapsed event) {
        return new Occasion(event.eventId(), new Notice(EventType.SUPPLEMENT_LAPSED, event.applicationNumber(),
                event.diseaseName(), nameOf(event.recipient()), List.of(),
                new Notice.Supplement(event.round(), event.supplementDueAt())),
                phoneOf(event.applicationNumber(), event.recipient()));
    }

    /** The applicant's reason is the one reason; only the in-app message shows it. */
    Occasion of(ApplicationWithdrawn event) {
        List<String> reasons = event.reason() == null ? List.of() : List.of(event.reason());
        return new Occasion(event.eventId(), new Notice(EventType.APPLICATION_WITHDRAWN, event.applicationNumber(),
                event.diseaseName(), nameOf(event.recipient()), reasons),
                phoneOf(event.applicationNumber(), event.recipient()));
    }

    /** Told with the new deadline and the reason, which the reviewer wrote for the applicant to read. */
    Occasion of(ReviewExtended event) {
        return new Occasion(event.eventId(), new Notice(EventType.REVIEW_EXTENDED, event.applicationNumber(),
                event.diseaseName(), nameOf(event.recipient()), List.of(event.reason()), event.dueAt()),
                phoneOf(event.applicationNumber(), event.recipient()));
    }

    Occasion of(PublicNoticeStarted event) {
        return occasion(event.eventId(), EventType.PUBLIC_NOTICE_STARTED, event.applicationNumber(),
                event.diseaseName(), event.recipient(), List.of(),
                Notice.Terms.publicNotice(event.noticeFrom(), event.noticeUntil()));
    }

    /** Only that there is an objection: who raised it and what it says stay in review. */
    Occasion of(ObjectionRaised event) {
        return occasion(event.eventId(), EventType.OBJECTION_RAISED, event.applicationNumber(), event.diseaseName(),
                event.recipient(), List.of(), null);
    }

    /**
     * An upheld objection withdraws the approval, told with the supervisor's reason; a dismissed one is told without
     * it, which might say what the objection was.
     */
    Occasion of(ObjectionSettled event) {
        List<String> reasons = event.upheld() && event.reason() != null ? List.of(event.reason()) : List.of();
        return occasion(event.eventId(), event.upheld() ? EventType.OBJECTION_UPHELD : EventType.OBJECTION_DISMISSED,
                event.applicationNumber(), event.diseaseName(), event.recipient(), reasons, null);
    }

    /** In the app only where the decision's own SMS already said when the benefit starts. */
    Occasion of(QualificationGranted event) {
        Occasion granted = occasion(event.eventId(), EventType.QUALIFICATION_GRANTED, event.applicationNumber(),
                event.diseaseName(), event.recipient(), List.of(), new Notice.Terms(event.validFrom(),
                        event.validTo(), event.qualificationNumber(),
                        event.grantedBy() == QualificationGranted.Grant.INSTANT_FILING, event.replaces()));
        return event.announcedByDecision() ? granted.inAppOnlyOccasion() : granted;
    }

    /** Told with the reason; who revoked it stays in review. */
    Occasion of(QualificationRevoked event) {
        List<String> reasons = event.reason() == null ? List.of() : List.of(event.reason());
        return occasion(event.eventId(), EventType.QUALIFICATION_REVOKED, event.applicationNumber(),
                event.diseaseName(), event.recipient(), reasons,
                Notice.Terms.qualification(event.qualificationNumber(), null));
    }

    Occasion of(RecheckDue event) {
        return occasion(event.eventId(), EventType.RECHECK_DUE, event.applicationNumber(), event.diseaseName(),
                event.recipient(), List.of(), Notice.Terms.qualification(event.qualificationNumber(), event.validTo()));
    }

    Occasion of(QualificationExpired event) {
        return occasion(event.eventId(), EventType.QUALIFICATION_EXPIRED, event.applicationNumber(),
                event.diseaseName(), event.recipient(), List.of(),
                Notice.Terms.qualification(event.qualificationNumber(), event.validTo()));
    }

    /** A review event's occasion: told to the recipient it names. */
    private Occasion occasion(UUID eventId, EventType type, String applicationNumber, String diseaseName,
            @Nullable Recipient recipient, List<String> reasons, Notice.@Nullable Terms terms) {
        return new Occasion(eventId, new Notice(type, applicationNumber, diseaseName, nameOf(recipient), reasons, null,
                null, null, null, terms, null), phoneOf(applicationNumber, recipient));
    }

    private static String item(SupplementItem item) {
        String reason = item.reason() == null ? "" : item.reason().strip();
        return reason.isEmpty() ? item.name().strip() : item.name().strip() + ITEM_REASON + reason;
    }

    private static @Nullable String nameOf(@Nullable Recipient recipient) {
        return recipient == null ? null : recipient.shownName();
    }

    private MessagePhones.@Nullable Phone phoneOf(String applicationNumber, @Nullable Recipient recipient) {
        return recipient == null ? null : phones.of(applicationNumber, recipient.phone(), recipient.maskedPhone());
    }
}
