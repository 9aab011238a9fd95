package org.mtb.contracts.intake;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mtb.contracts.ApplicationEvent;
import org.mtb.contracts.Channel;
import org.mtb.contracts.DiseaseCategory;

/**
 * An application was accepted and given its acceptance number (受理编号).
 *
 * <p>Schema 2 seals the personal data: the applicant's ID number, name and phone and the {@code conditionSummary}
 * travel sealed ({@link org.mtb.contracts.SealedField}), with the ID number's blind index and the masked forms beside
 * them ({@link Applicant}). A consumer opens only what it needs, with the context the field names; the hospital, the
 * disease and the submitter travel in clear. Schema 1 carried everything in clear; consumers still read it.
 *
 * <p>{@code materials} (the files given for each material item, by material id), {@code kind} and
 * {@code qualificationNumber} (the qualification a change or renewal concerns) and {@code agent} (who applied for the
 * person, sealed as the applicant is) came with issue 11, without a new schema version: an event written before holds
 * none of them, and is a new application the person made.
 *
 * <p>{@code submittedBy} is absent in events written before submissions needed a token; it was added without a new
 * schema version, since a reader that does not know it loses nothing it relied on.
 */
public record ApplicationSubmitted(
        UUID eventId,
        int schemaVersion,
        Instant occurredAt,
        String applicationNumber,
        String regionCode,
        String diseaseCode,
        String diseaseName,
        DiseaseCategory diseaseCategory,
        Applicant applicant,
        Hospital hospital,
        String conditionSummary,
        Channel channel,
        Instant submittedAt,
        @Nullable Submitter submittedBy,
        @Nullable List<SuppliedMaterial> materials,
        @Nullable ApplicationKind kind,
        @Nullable String qualificationNumber,
        @Nullable Agent agent) implements ApplicationEvent {

    public static final int SCHEMA_VERSION = 2;

    /** An event without materials, as written before intake took them. */
    public ApplicationSubmitted(UUID eventId, int schemaVersion, Instant occurredAt, String applicationNumber,
            String regionCode, String diseaseCode, String diseaseName, DiseaseCategory diseaseCategory,
            Applicant applicant, Hospital hospital, String conditionSummary, Channel channel, Instant submittedAt,
            @Nullable Submitter submittedBy) {
        this(eventId, schemaVersion, occurredAt, applicationNumber, regionCode, diseaseCode, diseaseName,
                diseaseCategory, applicant, hospital, conditionSummary, channel, submittedAt, submittedBy, null, null,
                null, null);
    }
}
