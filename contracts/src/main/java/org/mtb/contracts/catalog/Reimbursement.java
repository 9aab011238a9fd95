package org.mtb.contracts.catalog;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;
import org.mtb.contracts.DiseaseCategory;
import org.mtb.contracts.InsuranceType;

/**
 * What the fund pays for one insurance type, for one disease category or for every category (category null).
 * A policy that states a range ("70–90%", "5,000–20,000 yuan") gives its ends; one that states one value gives
 * it twice.
 *
 * @param rateFrom share the fund pays, 0..1
 * @param annualLimitFromYuan yearly limit for one disease; null when the policy states none
 * @param annualLimitSeveralDiseasesYuan yearly limit for a person qualified for several diseases; null if not stated
 * @param limitSharedWithInpatient whether the yearly limit is the one shared with inpatient care
 */
public record Reimbursement(
        InsuranceType insuranceType,
        @Nullable DiseaseCategory category,
        BigDecimal rateFrom,
        BigDecimal rateTo,
        @Nullable Integer annualLimitFromYuan,
        @Nullable Integer annualLimitToYuan,
        @Nullable Integer annualLimitSeveralDiseasesYuan,
        boolean limitSharedWithInpatient) {
}
