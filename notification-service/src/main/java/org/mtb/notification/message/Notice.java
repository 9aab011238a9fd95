package org.mtb.notification.message;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.mtb.contracts.PersonalData;
import org.mtb.contracts.intake.Submitter;

/**
 * What the templates need to know about one event. {@code recipientName} is the masked name the event carries (or
 * made from a schema-1 event's clear name); the templates mask it again, which leaves a masked name as it is; it may
 * be null, and then the greeting has no name. {@code reasons} are a rejection's reasons, a withdrawal's reason, or a
 * supplement request's items, each as "名称：原因"; the reason of an upheld objection or of a revocation. {@code
 * supplement} is known from a supplement request or its lapse only; {@code terms} from an approval and the events
 * after it; {@code reviewDueAt}, the review's new deadline, from an extension only (whose reason is the one reason).
 * {@code submittedBy}, {@code insuredIndex} and {@code institution}, known from a submission only, decide who may read
 * the application's messages.
 */
record Notice(EventType type, String applicationNumber, String diseaseName, @Nullable String recipientName,
        List<String> reasons, @Nullable Supplement supplement, @Nullable Submitter submittedBy,
        @Nullable String insuredIndex, @Nullable String institution, @Nullable Terms terms,
        @Nullable Instant reviewDueAt) {

    Notice(EventType type, String applicationNumber, String diseaseName, @Nullable String recipientName,
            List<String> reasons) {
        this(type, applicationNumber, diseaseName, recipientName, reasons, null, null, null, null, null, null);
    }

    Notice(EventType type, String applicationNumber, String diseaseName, @Nullable String recipientName,
            List<String> reasons, Supplement supplement) {
        this(type, applicationNumber, diseaseName, recipientName, reasons, supplement, null, null, null, null, null);
    }

    Notice(EventType type, String applicationNumber, String diseaseName, @Nullable String recipientName,
            List<String> reasons, Terms terms) {
        this(type, applicationNumber, diseaseName, recipientName, reasons, null, null, null, null, terms, null);
    }

    Notice(EventType type, String applicationNumber, String diseaseName, @Nullable String recipientName,
            List<String> reasons, Instant reviewDueAt) {
        this(type, applicationNumber, diseaseName, recipientName, reasons, null, null, null, null, null, reviewDueAt);
    }

    Notice {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(applicationNumber, "applicationNumber");
        Objects.requireNonNull(diseaseName, "diseaseName");
        reasons = reasons == null ? List.of() : reasons.stream().filter(Objects::nonNull).toList();
    }

    /**
     * A supplement request's terms: the how-many-th request of the case, and when the time to supplement ends.
     */
    record Supplement(int round, Instant dueAt) {

        Supplement {
            Objects.requireNonNull(dueAt, "dueAt");
        }
    }

    /**
     * What an approval and the events after it say of the benefit: days ({@code from} the first, {@code until} the
     * last) and the qualification. An approval's {@code from} is the day its benefit starts, its {@code until} the last
     * day of the public notice (公示) it entered; a public notice's are its first and last day; a qualification's those
     * of its validity, {@code until} null for a long-term one.
     *
     * @param instantFiling whether the qualification was filed at once (即时备案), which a post-check may revoke
     * @param replaces      the qualification a new one renews or replaces
     */
    record Terms(@Nullable LocalDate from, @Nullable LocalDate until, @Nullable String qualificationNumber,
            boolean instantFiling, @Nullable String replaces) {

        /** An event that says nothing of these. */
        static final Terms NONE = new Terms(null, null, null, false, null);

        static Terms approval(@Nullable LocalDate effectiveFrom, @Nullable LocalDate publicNoticeUntil) {
            return new Terms(effectiveFrom, publicNoticeUntil, null, false, null);
        }

        static Terms publicNotice(LocalDate from, LocalDate until) {
            return new Terms(from, until, null, false, null);
        }

        /** A qualification as the events after its grant name it: the number, and the last day where they give it. */
        static Terms qualification(String number, @Nullable LocalDate validTo) {
            return new Terms(null, validTo, number, false, null);
        }
    }

    @Override
    public String toString() {
        return "Notice[" + type + ", " + applicationNumber + ", " + diseaseName + ", recipient="
                + PersonalData.maskName(recipientName) + ", " + reasons.size() + " reason(s)]";
    }
}
