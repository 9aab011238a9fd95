package org.mtb.notification.message;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.mtb.contracts.PersonalData;
import org.mtb.contracts.intake.Submitter;

/**
 * What the templates need to know about one event. {@code recipientName} is in clear because the templates
 * decide how it is shown (masked); it may be null, and then the greeting has no name. {@code submittedBy}, known
 * from a submission only, decides who may read the application's messages.
 */
record Notice(EventType type, String applicationNumber, String diseaseName, @Nullable String recipientName,
        List<String> reasons, @Nullable Submitter submittedBy) {

    Notice(EventType type, String applicationNumber, String diseaseName, @Nullable String recipientName,
            List<String> reasons) {
        this(type, applicationNumber, diseaseName, recipientName, reasons, null);
    }

    Notice {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(applicationNumber, "applicationNumber");
        Objects.requireNonNull(diseaseName, "diseaseName");
        reasons = reasons == null ? List.of() : reasons.stream().filter(Objects::nonNull).toList();
    }

    @Override
    public String toString() {
        return "Notice[" + type + ", " + applicationNumber + ", " + diseaseName + ", recipient="
                + PersonalData.maskName(recipientName) + ", " + reasons.size() + " reason(s)]";
    }
}
