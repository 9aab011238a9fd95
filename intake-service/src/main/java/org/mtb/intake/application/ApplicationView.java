package org.mtb.intake.application;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mtb.contracts.Channel;
import org.mtb.contracts.DiseaseCategory;
import org.mtb.contracts.InsuranceType;
import org.mtb.contracts.catalog.IdentityVerification;
import org.mtb.contracts.intake.Agent;
import org.mtb.contracts.intake.ApplicationKind;
import org.mtb.contracts.intake.Hospital;

/**
 * An application as answered over HTTP: personal data masked, timeline in time order, its materials and supplement
 * rounds, what followed an approval, and what happens next.
 *
 * @param supplementRounds how many times a supplement was asked for
 * @param qualificationNumber the qualification a change or renewal concerns
 * @param aftermath what followed an approval: the public notice, the qualification granted, the reason it was
 *        withdrawn or revoked; null until review tells of any
 */
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
        @Nullable IdentityVerification identityVerifiedBy,
        List<MaterialItem> materials,
        Application.@Nullable ConfirmedDeclaration declaration,
        List<SupplementRound> supplements,
        int supplementRounds,
        Application.@Nullable Withdrawal withdrawal,
        @Nullable Instant reviewDueAt,
        NextStep nextStep,
        ApplicationKind kind,
        @Nullable String qualificationNumber,
        @Nullable MaskedAgent agent,
        @Nullable Aftermath aftermath) {

    /** The agent as answers show it: masked, and how related. */
    record MaskedAgent(String idNumber, String name, String phone, Agent.Relationship relationship) {
    }

    record MaskedApplicant(String idNumber, String name, String phone, InsuranceType insuranceType) {
    }

    static ApplicationView of(Application a, PersonalDataSeals seals) {
        var shown = seals.masked(a);
        var masked = new MaskedApplicant(shown.idNumber(), shown.name(), shown.phone(), a.applicant().insuranceType());
        List<TimelineEntry> timeline = a.timeline().stream()
                .sorted(Comparator.comparing(TimelineEntry::at).thenComparing(TimelineEntry::status)).toList();
        List<SupplementRound> supplements = a.supplements() == null ? List.of() : a.supplements();
        return new ApplicationView(a.applicationNumber(), a.status(), a.regionCode(), a.diseaseCode(), a.diseaseName(),
                a.diseaseCategory(), masked, a.hospital(), seals.conditionSummary(a), a.channel(), a.submittedAt(), timeline,
                a.identityVerification() == null ? null : a.identityVerification().method(),
                a.materials() == null ? List.of() : a.materials(), a.declaration(), supplements, supplements.size(),
                a.withdrawal(), a.reviewDueAt(), NextStep.of(a), a.kind() == null ? ApplicationKind.NEW : a.kind(),
                a.qualificationNumber(), a.agent() == null ? null : new MaskedAgent(a.agent().maskedForms().idNumber(),
                        a.agent().maskedForms().name(), a.agent().maskedForms().phone(), a.agent().relationship()),
                Aftermath.of(a));
    }
}
