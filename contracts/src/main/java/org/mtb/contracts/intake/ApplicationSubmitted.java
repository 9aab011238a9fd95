package org.mtb.contracts.intake;

import java.time.Instant;
import java.util.UUID;
import org.mtb.contracts.ApplicationEvent;
import org.mtb.contracts.Channel;
import org.mtb.contracts.DiseaseCategory;

/** An application was accepted and given its acceptance number (受理编号). */
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
        Instant submittedAt) implements ApplicationEvent {

    public static final int SCHEMA_VERSION = 1;
}
