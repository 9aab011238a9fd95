package org.mtb.intake.application;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One material item as stored with an application or a supplement: its type and name from the catalog, its files by
 * material id, and what the rule needed to know of the document.
 */
record MaterialItem(String type, String name, List<String> materialIds, @Nullable LocalDate issuedOn,
        @Nullable String issuerName, @Nullable Integer issuerLevel) {
}
