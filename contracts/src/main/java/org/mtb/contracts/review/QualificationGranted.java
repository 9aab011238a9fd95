package org.mtb.contracts.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.mtb.contracts.ApplicationEvent;
import org.jspecify.annotations.Nullable;

/**
 * A person holds a qualification for an outpatient chronic or special disease (门诊慢特病待遇资格) from
 * {@code validFrom}: approved by a reviewer, after the public notice where the region has one, or filed at once.
 *
 * @param qualificationNumber {@code Q-} and the application number: one application grants at most one
 * @param grantedBy how it was granted
 * @param ruleVersion the instant-filing rule version it met; null unless filed at once
 * @param validTo the last day before the re-check falls due; null where it is long-term
 * @param replaces the qualification this one renews or replaces; null for a first one
 * @param toldWithDecision true where the approval granted it at once and its {@link ApplicationDecided} already told
 *        the applicant when the benefit starts: notification then adds it in-app without a second SMS; null or false
 *        where this event is the news (after a public notice, an instant filing)
 */
public record QualificationGranted(
        UUID eventId,
        int schemaVersion,
        Instant occurredAt,
        String applicationNumber,
        String qualificationNumber,
        String regionCode,
        String diseaseCode,
        String diseaseName,
        Grant grantedBy,
        @Nullable String ruleVersion,
        LocalDate validFrom,
        @Nullable LocalDate validTo,
        @Nullable String replaces,
        Recipient recipient,
        @Nullable Boolean toldWithDecision) implements ApplicationEvent {

    public static final int SCHEMA_VERSION = 1;

    /** A grant written before {@code toldWithDecision}: its own message tells the applicant. */
    public QualificationGranted(UUID eventId, int schemaVersion, Instant occurredAt, String applicationNumber,
            String qualificationNumber, String regionCode, String diseaseCode, String diseaseName, Grant grantedBy,
            @Nullable String ruleVersion, LocalDate validFrom, @Nullable LocalDate validTo, @Nullable String replaces,
            Recipient recipient) {
        this(eventId, schemaVersion, occurredAt, applicationNumber, qualificationNumber, regionCode, diseaseCode,
                diseaseName, grantedBy, ruleVersion, validFrom, validTo, replaces, recipient, null);
    }

    /** Whether the decision's own message already told the applicant of the benefit (an approval without notice). */
    public boolean announcedByDecision() {
        return Boolean.TRUE.equals(toldWithDecision);
    }

    public enum Grant {
        /** A reviewer approved it. */
        REVIEW,
        /** The system filed it at once (即时备案) under the region's rule; a reviewer may check it afterwards. */
        INSTANT_FILING
    }
}
