package org.mtb.review.reviewcase;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.mtb.contracts.review.QualificationGranted;

/**
 * The qualification (门诊慢特病待遇资格) an approval granted, kept in its case so that the grant and its event are
 * one write.
 *
 * @param number {@code Q-} and the application number
 * @param validFrom the first day the benefit pays, by the region's effective-date rule
 * @param validTo the last day before the re-check falls due; null where it is long-term
 * @param ruleVersion the instant-filing rule it met; null for a reviewer's approval
 * @param endedAt when it was revoked or expired; null while active
 */
record Qualification(String number, LocalDate validFrom, @Nullable LocalDate validTo, Status status,
        QualificationGranted.Grant grantedBy, @Nullable String ruleVersion, Instant grantedAt,
        @Nullable Instant endedAt, @Nullable String endReason) {

    enum Status {
        ACTIVE,
        REVOKED,
        EXPIRED
    }

    static String numberFor(String applicationNumber) {
        return "Q-" + applicationNumber;
    }
}
