package org.mtb.notification.message;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.mtb.contracts.review.Recipient;
import org.mtb.contracts.review.SupplementItem;
import org.mtb.contracts.review.SupplementLapsed;
import org.mtb.contracts.review.SupplementRequested;
import org.mtb.support.crypto.FieldCipher;

/**
 * What each {@link Notifier#checked checked} event tells its applicant, the phone to tell it to, and the agent (代办人)
 * to tell it to as well.
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
                insured, event.hospital() == null ? null : event.hospital().code()), phone,
                agentOf(number, event.agent()));
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

    Occasion of(ApplicationDecided event) {
        EventType type = event.outcome() == DecisionOutcome.APPROVED
                ? EventType.APPLICATION_APPROVED : EventType.APPLICATION_REJECTED;
        Recipient recipient = event.recipient();
        return new Occasion(event.eventId(), new Notice(type, event.applicationNumber(), event.diseaseName(),
                nameOf(recipient), event.reasons()), phoneOf(event.applicationNumber(), recipient));
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

    private static String item(SupplementItem item) {
        String reason = item.reason() == null ? "" : item.reason().strip();
        return reason.isEmpty() ? item.name().strip() : item.name().strip() + ITEM_REASON + reason;
    }

    private static @Nullable String nameOf(@Nullable Recipient recipient) {
        return recipient == null ? null : recipient.shownName();
    }

    private MessagePhones.@Nullable Phone phoneOf(String applicationNumber, @Nullable Recipient recipient) {
        return recipient == null ? null : phones.of(applicationNumber, recipient.phone(), null);
    }
}
