package org.mtb.catalog.region;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mtb.contracts.catalog.EffectiveDateRule;
import org.mtb.contracts.catalog.IdentityVerification;
import org.mtb.contracts.catalog.Period;
import org.mtb.contracts.catalog.RegionPolicy;

/**
 * The rules a region applies to every application, as one version states them, each value with its source so
 * that a project assumption is never mistaken for the bureau's rule.
 *
 * @param publicNotice how long an approval is publicly noticed; null when the region publishes none (the
 *        source still says so)
 * @param recheckEvery how often a qualification is re-checked; null when it is long-term (a disease may override)
 * @param materials what every application needs; a disease may add more
 * @param reimbursementsSource required when {@code reimbursements} is empty, to say why none is listed
 * @param identityVerifications the ways of verifying the person a submission must show one of; null when the
 *        version states none (then none is required)
 * @param identityVerificationsSource required with {@code identityVerifications}
 * @param materialsWaivedByEVoucher material types of {@code materials} a submission need not carry when the person was
 *        verified by the e-voucher; null when none is waived
 * @param materialsWaivedByEVoucherSource required with {@code materialsWaivedByEVoucher}
 * @param supplementWithin how long the applicant has to supplement (补正) after a reviewer's request; null when the
 *        version states none (a version stored before the field), and then review's configured default applies
 * @param supplementWithinSource required with {@code supplementWithin}
 * @param review how cases are reviewed; null in a version stored before review rules, which states none
 */
record Policy(
        List<TimeLimit> reviewTimeLimits,
        Boolean supplementRestartsClock,
        String supplementRestartsClockSource,
        @Nullable Period publicNotice,
        String publicNoticeSource,
        EffectiveDateRule effectiveDateRule,
        String effectiveDateRuleSource,
        @Nullable Period recheckEvery,
        String recheckEverySource,
        List<Material> materials,
        List<ReimbursementRule> reimbursements,
        @Nullable String reimbursementsSource,
        @Nullable List<IdentityVerification> identityVerifications,
        @Nullable String identityVerificationsSource,
        @Nullable Period supplementWithin,
        @Nullable String supplementWithinSource,
        @Nullable List<String> materialsWaivedByEVoucher,
        @Nullable String materialsWaivedByEVoucherSource,
        @Nullable Review review) {

    /** The wire shape of {@code CatalogPublished}; only for a policy the validator accepted. */
    RegionPolicy toContract() {
        return new RegionPolicy(reviewTimeLimits.stream().map(TimeLimit::toContract).toList(),
                supplementRestartsClock, publicNotice, effectiveDateRule, recheckEvery,
                materials.stream().map(Material::toContract).toList(),
                reimbursements.stream().map(ReimbursementRule::toContract).toList(), identityVerifications,
                supplementWithin, materialsWaivedByEVoucher, review == null ? null : review.toContract());
    }
}
