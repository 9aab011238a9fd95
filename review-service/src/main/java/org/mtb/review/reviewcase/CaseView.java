package org.mtb.review.reviewcase;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mtb.contracts.Channel;
import org.mtb.contracts.DiseaseCategory;
import org.mtb.contracts.InsuranceType;
import org.mtb.contracts.intake.Hospital;
import org.mtb.review.sla.SlaView;

/**
 * A case as reviewers see it over HTTP; personal data masked; its supplement rounds, and how it closed if undecided.
 *
 * @param claim the reviewer's claim while it holds; null when nobody holds the case (an expired lease holds nothing)
 */
record CaseView(
        String applicationNumber,
        CaseStatus status,
        String regionCode,
        String diseaseCode,
        String diseaseName,
        DiseaseCategory diseaseCategory,
        MaskedApplicant applicant,
        Hospital hospital,
        String conditionSummary,
        Channel channel,
        Instant submittedAt,
        Instant openedAt,
        @Nullable String catalogVersion,
        @Nullable SlaView sla,
        @Nullable Decision decision,
        List<CaseSupplement> supplements,
        int supplementRounds,
        ReviewCase.@Nullable Closing closing,
        @Nullable Claim claim,
        @Nullable PublicNotice notice,
        @Nullable Qualification qualification,
        @Nullable InstantFiling filing,
        List<CaseExtension> extensions,
        @Nullable CaseRouting routing,
        List<PanelVote> votes) {

    record MaskedApplicant(String idNumber, String name, String phone, InsuranceType insuranceType) {
    }

    static CaseView of(ReviewCase c, @Nullable SlaView sla, CasePersonalData personalData, java.time.Instant now) {
        var shown = personalData.masked(c);
        return new CaseView(c.applicationNumber(), c.status(), c.regionCode(), c.diseaseCode(), c.diseaseName(),
                c.diseaseCategory(), new MaskedApplicant(shown.idNumber(), shown.name(), shown.phone(),
                        c.applicant().insuranceType()),
                c.hospital(), personalData.conditionSummary(c), c.channel(), c.submittedAt(), c.openedAt(), c.catalogVersion(), sla, c.decision(),
                c.supplements() == null ? List.of() : c.supplements(), c.rounds(), c.closing(),
                c.heldClaim(now).orElse(null), c.notice(), c.qualification(),
                c.filing(), c.extensionRequests(), c.routing(), c.panelVotes());
    }
}
