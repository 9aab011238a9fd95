package org.mtb.notification.message;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.mtb.contracts.PersonalData;
import org.mtb.contracts.intake.Submitter;

/**
 * What the templates need to know about one event. {@code recipientName} is the masked name the event carries (or
 * made from a schema-1 event's clear name); the templates mask it again, which leaves a masked name as it is; it may
 * be null, and then the greeting has no name. {@code reasons} are a rejection's reasons, a withdrawal's reason, or a
 * supplement request's items, each as "名称：原因". {@code supplement} is known from a supplement request or its
 * lapse only. {@code submittedBy}, {@code insuredIndex} and {@code institution}, known from a submission only, decide
 * who may read the application's messages.
 */
record Notice(EventType type, String applicationNumber, String diseaseName, @Nullable String recipientName,
        List<String> reasons, @Nullable Supplement supplement, @Nullable Submitter submittedBy,
        @Nullable String insuredIndex, @Nullable String institution) {

    Notice(EventType type, String applicationNumber, String diseaseName, @Nullable String recipientName,
            List<String> reasons) {
        this(type, applicationNumber, diseaseName, recipientName, reasons, null, null, null, null);
    }

    Notice(EventType type, String applicationNumber, String diseaseName, @Nullable String recipientName,
            List<String> reasons, Supplement supplement) {
        this(type, applicationNumber, diseaseName, recipientName, reasons, supplement, null, null, null);
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

    @Override
    public String toString() {
        return "Notice[" + type + ", " + applicationNumber + ", " + diseaseName + ", recipient="
                + PersonalData.maskName(recipientName) + ", " + reasons.size() + " reason(s)]";
    }
}
