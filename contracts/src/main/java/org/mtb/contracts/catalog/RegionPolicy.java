package org.mtb.contracts.catalog;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mtb.contracts.DiseaseCategory;

/**
 * The rules a region applies to every application, as its published version states them.
 *
 * @param reviewTimeLimits one per disease category the region lists
 * @param supplementRestartsClock whether the review deadline is computed afresh from the supplement
 * @param publicNotice how long an approval is publicly noticed; null if the region publishes none
 * @param recheckEvery how often a qualification is re-checked; null if it is long-term (a disease may override)
 * @param materials materials every application needs; a disease may add more
 * @param supplementWithin how long the applicant has to supplement (补正) after a request; null where the region's
 *        published version states none (a catalog published before this field), and then review's configured default
 *        applies
 * @param materialsWaivedByEVoucher the material types a submission need not carry when the person was verified by the
 *        medical-insurance e-voucher (医保电子凭证), which itself proves what they would; null or empty where none is
 *        waived
 * @param identityVerifications the ways of verifying the person a submission must show one of; null where the
 *        region states none (a catalog published before this field), and then none is required
 * @param review how cases are reviewed; null in a catalog published before review rules, which then has no coded
 *        rejection reasons, checklist, extension, instant filing or designated institutions
 */
public record RegionPolicy(
        List<ReviewTimeLimit> reviewTimeLimits,
        boolean supplementRestartsClock,
        @Nullable Period publicNotice,
        EffectiveDateRule effectiveDateRule,
        @Nullable Period recheckEvery,
        List<MaterialRequirement> materials,
        List<Reimbursement> reimbursements,
        @Nullable List<IdentityVerification> identityVerifications,
        @Nullable Period supplementWithin,
        @Nullable List<String> materialsWaivedByEVoucher,
        @Nullable ReviewRules review) {

    /** A policy that states no review rules, as catalogs published before them did. */
    public RegionPolicy(List<ReviewTimeLimit> reviewTimeLimits, boolean supplementRestartsClock,
            @Nullable Period publicNotice, EffectiveDateRule effectiveDateRule, @Nullable Period recheckEvery,
            List<MaterialRequirement> materials, List<Reimbursement> reimbursements,
            @Nullable List<IdentityVerification> identityVerifications, @Nullable Period supplementWithin,
            @Nullable List<String> materialsWaivedByEVoucher) {
        this(reviewTimeLimits, supplementRestartsClock, publicNotice, effectiveDateRule, recheckEvery, materials,
                reimbursements, identityVerifications, supplementWithin, materialsWaivedByEVoucher, null);
    }

    /** A policy that states no time to supplement, as catalogs published before that field did. */
    public RegionPolicy(List<ReviewTimeLimit> reviewTimeLimits, boolean supplementRestartsClock,
            @Nullable Period publicNotice, EffectiveDateRule effectiveDateRule, @Nullable Period recheckEvery,
            List<MaterialRequirement> materials, List<Reimbursement> reimbursements,
            @Nullable List<IdentityVerification> identityVerifications) {
        this(reviewTimeLimits, supplementRestartsClock, publicNotice, effectiveDateRule, recheckEvery, materials,
                reimbursements, identityVerifications, null, null, null);
    }

    /** A policy that waives no material for an e-voucher, as catalogs published before that field did. */
    public RegionPolicy(List<ReviewTimeLimit> reviewTimeLimits, boolean supplementRestartsClock,
            @Nullable Period publicNotice, EffectiveDateRule effectiveDateRule, @Nullable Period recheckEvery,
            List<MaterialRequirement> materials, List<Reimbursement> reimbursements,
            @Nullable List<IdentityVerification> identityVerifications, @Nullable Period supplementWithin) {
        this(reviewTimeLimits, supplementRestartsClock, publicNotice, effectiveDateRule, recheckEvery, materials,
                reimbursements, identityVerifications, supplementWithin, null, null);
    }

    /**
     * The materials an application of this disease may carry, by type: the region's, then the disease's own, which
     * replace a region material of the same type (a disease may state it with other formats or limits). Without a
     * disease, the region's alone.
     */
    public java.util.Map<String, MaterialRequirement> materialsFor(@Nullable CatalogDisease disease) {
        return MaterialRequirement.byType(materials, disease);
    }

    /** The review rules, empty where the catalog states none. */
    public ReviewRules reviewRules() {
        return review != null ? review : new ReviewRules(List.of(), List.of(), null, null, null, null, null);
    }

    public @Nullable ReviewTimeLimit timeLimit(DiseaseCategory category) {
        return reviewTimeLimits.stream().filter(limit -> limit.category() == category).findFirst().orElse(null);
    }
}
