package org.mtb.contracts.catalog;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;
import org.mtb.contracts.DiseaseCategory;

/**
 * How long experts have to decide an application of one disease category: a number of working days of the
 * region's calendar, which may be a fraction ("0.5 working day" is half that day's working minutes), or at
 * once (the case is due when it is accepted and breaches after a grace the review service configures).
 *
 * @param workingDays more than 0 for {@link Kind#WORKING_DAYS}; null for {@link Kind#IMMEDIATE}
 */
public record ReviewTimeLimit(DiseaseCategory category, Kind kind, @Nullable BigDecimal workingDays) {

    public enum Kind {
        WORKING_DAYS,
        IMMEDIATE
    }
}
