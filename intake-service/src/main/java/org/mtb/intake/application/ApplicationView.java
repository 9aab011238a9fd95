package org.mtb.intake.application;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mtb.contracts.Channel;
import org.mtb.contracts.DiseaseCategory;
import org.mtb.contracts.InsuranceType;
import org.mtb.contracts.catalog.IdentityVerification;
import org.mtb.contracts.intake.Hospital;

/** An application as answered over HTTP: personal data masked, timeline in time order. */
record ApplicationView(
        String applicationNumber,
        ApplicationStatus status,
        String regionCode,
        String diseaseCode,
        String diseaseName,
        DiseaseCategory diseaseCategory,
        MaskedApplicant applicant,
        Hospital hospital,
        String conditionSummary,
        Channel channel,
        Instant submittedAt,
        List<TimelineEntry> timeline,
        @Nullable IdentityVerification identityVerifiedBy) {

    record MaskedApplicant(String idNumber, String name, String phone, InsuranceType insuranceType) {
    }

    static ApplicationView of(Application a, PersonalDataSeals seals) {
        var shown = seals.masked(a);
        var masked = new MaskedApplicant(shown.idNumber(), shown.name(), shown.phone(), a.applicant().insuranceType());
        List<TimelineEntry> timeline = a.timeline().stream()
                .sorted(Comparator.comparing(TimelineEntry::at).thenComparing(TimelineEntry::status)).toList();
        return new ApplicationView(a.applicationNumber(), a.status(), a.regionCode(), a.diseaseCode(), a.diseaseName(),
                a.diseaseCategory(), masked, a.hospital(), seals.conditionSummary(a), a.channel(), a.submittedAt(), timeline,
                a.identityVerification() == null ? null : a.identityVerification().method());
    }
}
