package org.mtb.catalog.region;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;
import org.mtb.contracts.DiseaseCategory;
import org.mtb.contracts.InsuranceType;
import org.mtb.contracts.catalog.Reimbursement;

/**
 * What the fund pays for one insurance type, for one disease category or for all (category null), with its
 * source. A range ("70–90%") gives its ends; a single value is given twice.
 *
 * @param rateFrom share the fund pays, 0..1; a double for the reason given on {@link TimeLimit}
 * @param annualLimitFromYuan yearly limit for one disease; null when the source states none in yuan
 * @param annualLimitSeveralDiseasesYuan yearly limit for a person qualified for several diseases; null if not stated
 * @param limitSharedWithInpatient whether the yearly limit is the one shared with inpatient care
 */
record ReimbursementRule(
        InsuranceType insuranceType,
        @Nullable DiseaseCategory category,
        Double rateFrom,
        Double rateTo,
        @Nullable Integer annualLimitFromYuan,
        @Nullable Integer annualLimitToYuan,
        @Nullable Integer annualLimitSeveralDiseasesYuan,
        Boolean limitSharedWithInpatient,
        String source) {

    Reimbursement toContract() {
        return new Reimbursement(insuranceType, category, BigDecimal.valueOf(rateFrom), BigDecimal.valueOf(rateTo),
                annualLimitFromYuan, annualLimitToYuan, annualLimitSeveralDiseasesYuan, limitSharedWithInpatient);
    }
}
