package org.mtb.contracts.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mtb.contracts.ApplicationEvent;

/**
 * The experts approved or rejected an application.
 *
 * <p>Schema 2 carries the recipient's phone sealed, as intake sealed it, and the masked name only ({@link Recipient});
 * schema 1 carried both in clear.
 *
 * @param reasons what the applicant is told: the text of each coded reason, then the reviewer's own words
 * @param reasonCodes the region's coded rejection reasons; null in an event written before them
 * @param effectiveFrom the day the approved benefit starts, by the region's rule; null for a rejection, and while a
 *        public notice (公示) must end first ({@link QualificationGranted} then carries the day)
 * @param publicNoticeUntil the last day of the public notice an approval entered; null where there is none
 */
public record ApplicationDecided(
        UUID eventId,
        int schemaVersion,
        Instant occurredAt,
        String applicationNumber,
        String regionCode,
        String diseaseCode,
        String diseaseName,
        DecisionOutcome outcome,
        List<String> reasons,
        String reviewerId,
        Instant decidedAt,
        Recipient recipient,
        @Nullable List<String> reasonCodes,
        @Nullable LocalDate effectiveFrom,
        @Nullable LocalDate publicNoticeUntil) implements ApplicationEvent {

    public static final int SCHEMA_VERSION = 2;

    /** A decision without reason codes or dates, as review wrote it before the workbench. */
    public ApplicationDecided(UUID eventId, int schemaVersion, Instant occurredAt, String applicationNumber,
            String regionCode, String diseaseCode, String diseaseName, DecisionOutcome outcome, List<String> reasons,
            String reviewerId, Instant decidedAt, Recipient recipient) {
        this(eventId, schemaVersion, occurredAt, applicationNumber, regionCode, diseaseCode, diseaseName, outcome,
                reasons, reviewerId, decidedAt, recipient, null, null, null);
    }
}
