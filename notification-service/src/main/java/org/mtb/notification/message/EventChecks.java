package org.mtb.notification.message;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
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
import org.mtb.contracts.review.SupplementItem;
import org.mtb.contracts.review.SupplementLapsed;
import org.mtb.contracts.review.SupplementRequested;

/**
 * What each event must name for its applicant to be told. An event that does not is refused with an
 * IllegalArgumentException, which sends its record alone to the dead-letter topic for a look. A field only some
 * wording depends on (a reason, how a qualification was granted) is not required: the applicant is told without it.
 */
final class EventChecks {

    private EventChecks() {
    }

    static ApplicationSubmitted checked(@Nullable ApplicationSubmitted event) {
        ApplicationSubmitted present = present(event);
        requireCommon(present.eventId(), present.applicationNumber(), present.diseaseName());
        return present;
    }

    /** A decision must also say what was decided. */
    static ApplicationDecided checked(@Nullable ApplicationDecided event) {
        ApplicationDecided present = present(event);
        requireCommon(present.eventId(), present.applicationNumber(), present.diseaseName());
        require(present.outcome(), "outcome");
        return present;
    }

    /** A request must also name its round, due time and every item. */
    static SupplementRequested checked(@Nullable SupplementRequested event) {
        SupplementRequested present = present(event);
        requireCommon(present.eventId(), present.applicationNumber(), present.diseaseName());
        require(present.supplementDueAt(), "supplementDueAt");
        if (present.round() < 1) {
            throw new IllegalArgumentException("The event has no round");
        }
        if (present.items() == null || present.items().isEmpty()) {
            throw new IllegalArgumentException("The event has no items");
        }
        for (SupplementItem item : present.items()) {
            if (item == null || item.name() == null || item.name().isBlank()) {
                throw new IllegalArgumentException("The event has an item without a name");
            }
        }
        return present;
    }

    /** A lapse must also say when the time to supplement ended. */
    static SupplementLapsed checked(@Nullable SupplementLapsed event) {
        SupplementLapsed present = present(event);
        requireCommon(present.eventId(), present.applicationNumber(), present.diseaseName());
        require(present.supplementDueAt(), "supplementDueAt");
        return present;
    }

    /** A withdrawal without a reason is told as "未注明". */
    static ApplicationWithdrawn checked(@Nullable ApplicationWithdrawn event) {
        ApplicationWithdrawn present = present(event);
        requireCommon(present.eventId(), present.applicationNumber(), present.diseaseName());
        return present;
    }

    /** An extension must also name the new deadline and why: the applicant is told both. */
    static ReviewExtended checked(@Nullable ReviewExtended event) {
        ReviewExtended present = present(event);
        requireCommon(present.eventId(), present.applicationNumber(), present.diseaseName());
        require(present.dueAt(), "dueAt");
        if (present.reason() == null || present.reason().isBlank()) {
            throw new IllegalArgumentException("The event has no reason");
        }
        return present;
    }

    /** A public notice must also name its first and last day. */
    static PublicNoticeStarted checked(@Nullable PublicNoticeStarted event) {
        PublicNoticeStarted present = present(event);
        requireCommon(present.eventId(), present.applicationNumber(), present.diseaseName());
        require(present.noticeFrom(), "noticeFrom");
        require(present.noticeUntil(), "noticeUntil");
        return present;
    }

    static ObjectionRaised checked(@Nullable ObjectionRaised event) {
        ObjectionRaised present = present(event);
        requireCommon(present.eventId(), present.applicationNumber(), present.diseaseName());
        return present;
    }

    /** An upheld objection without a reason is told as "未注明". */
    static ObjectionSettled checked(@Nullable ObjectionSettled event) {
        ObjectionSettled present = present(event);
        requireCommon(present.eventId(), present.applicationNumber(), present.diseaseName());
        return present;
    }

    /**
     * A qualification must also name its number and first day; without an end it is long-term, and told without how it
     * was granted when the event does not say.
     */
    static QualificationGranted checked(@Nullable QualificationGranted event) {
        QualificationGranted present = present(event);
        requireCommon(present.eventId(), present.applicationNumber(), present.diseaseName());
        require(present.qualificationNumber(), "qualificationNumber");
        require(present.validFrom(), "validFrom");
        return present;
    }

    /** A revocation must also name the qualification; one without a reason is told as "未注明". */
    static QualificationRevoked checked(@Nullable QualificationRevoked event) {
        QualificationRevoked present = present(event);
        requireCommon(present.eventId(), present.applicationNumber(), present.diseaseName());
        require(present.qualificationNumber(), "qualificationNumber");
        return present;
    }

    /** A reminder must also name the qualification and its last day. */
    static RecheckDue checked(@Nullable RecheckDue event) {
        RecheckDue present = present(event);
        requireCommon(present.eventId(), present.applicationNumber(), present.diseaseName());
        require(present.qualificationNumber(), "qualificationNumber");
        require(present.validTo(), "validTo");
        return present;
    }

    /** An expiry must also name the qualification and its last day. */
    static QualificationExpired checked(@Nullable QualificationExpired event) {
        QualificationExpired present = present(event);
        requireCommon(present.eventId(), present.applicationNumber(), present.diseaseName());
        require(present.qualificationNumber(), "qualificationNumber");
        require(present.validTo(), "validTo");
        return present;
    }

    /** A record of the JSON {@code null} reads as no event. */
    private static <E> E present(@Nullable E event) {
        if (event == null) {
            throw new IllegalArgumentException("The record holds no event");
        }
        return event;
    }

    // An event without these cannot be told to anyone.
    private static void requireCommon(@Nullable UUID eventId, @Nullable String applicationNumber,
            @Nullable String diseaseName) {
        require(eventId, "eventId");
        require(applicationNumber, "applicationNumber");
        require(diseaseName, "diseaseName");
    }

    private static void require(@Nullable Object value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("The event has no " + field);
        }
    }
}
