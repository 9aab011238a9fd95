package org.mtb.review.reviewcase;

import java.time.Instant;
import java.util.List;

/**
 * The check of a case against its region's instant-filing rule (即时备案) when it opened.
 *
 * @param ruleVersion the rule's version in the catalog, recorded with the filing
 * @param held whether every condition held: then the qualification was granted at once, by the system
 * @param failures the conditions that did not hold, each a stable code with what was found; empty when it held
 */
record InstantFiling(String ruleVersion, boolean held, List<String> failures, Instant checkedAt) {

    InstantFiling {
        failures = failures == null ? List.of() : List.copyOf(failures);
    }
}
