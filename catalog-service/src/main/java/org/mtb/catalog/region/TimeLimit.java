package org.mtb.catalog.region;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;
import org.mtb.contracts.DiseaseCategory;
import org.mtb.contracts.catalog.ReviewTimeLimit;

/**
 * How long review has for one disease category, as a region's version states it.
 *
 * @param workingDays for {@code WORKING_DAYS}; a whole or half number ("0.5 working day"). A double rather than a
 *        BigDecimal because the version is stored in MongoDB, where a BigDecimal needs a representation chosen
 *        for the whole service; the event carries it as a BigDecimal.
 */
record TimeLimit(DiseaseCategory category, ReviewTimeLimit.Kind kind, @Nullable Double workingDays, String source) {

    ReviewTimeLimit toContract() {
        return new ReviewTimeLimit(category, kind, workingDays == null ? null : BigDecimal.valueOf(workingDays));
    }
}
