package org.mtb.notification.message;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mtb.contracts.intake.Applicant;
import org.mtb.contracts.intake.ApplicationSubmitted;
import org.mtb.contracts.intake.ApplicationWithdrawn;
import org.mtb.contracts.review.ApplicationDecided;
import org.mtb.contracts.review.DecisionOutcome;
import org.mtb.contracts.review.Recipient;
import org.mtb.contracts.review.SupplementItem;
import org.mtb.contracts.review.SupplementLapsed;
import org.mtb.contracts.review.SupplementRequested;

/** What each {@link Notifier#checked checked} event tells its applicant, and the phone to tell it to. */
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
                insured, event.hospital() == null ? null : event.hospital().code()), phone);
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
