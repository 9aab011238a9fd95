package org.mtb.review.sla;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.mtb.contracts.DiseaseCategory;
import org.springframework.data.annotation.Id;

/**
 * A review case as deadlines see it: read from the cases' collection without personal data or outbox.
 *
 * @param status the case's status as stored; {@code OPEN} until decided
 * @param decision the decision, of which only its moment matters here; null while open
 * @param catalogVersion the region's catalog version the case was opened under; null if none had arrived
 * @param sla its deadline; null while the region's catalog carries no time limit for its category
 * @param version the case's version, on which every change is conditional (null in a case stored before versions)
 */
record SlaCase(
        @Id String applicationNumber,
        String regionCode,
        DiseaseCategory diseaseCategory,
        Instant submittedAt,
        String status,
        @Nullable Decided decision,
        @Nullable String catalogVersion,
        @Nullable SlaClock sla,
        @Nullable Long version) {

    static final String OPEN = "OPEN";

    boolean open() {
        return OPEN.equals(status);
    }

    /** The moment of a decision. */
    record Decided(Instant decidedAt) {
    }
}
