package org.mtb.intake.application;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.mtb.contracts.review.QualificationGranted;

/**
 * The qualification (门诊慢特病待遇资格) this application led to, as review's events told of it. Its grant, revocation
 * and expiry arrive on three topics in any order, so the grant's members stay null while only its end is known.
 *
 * @param number     review's number for it ({@code Q-} and the application number)
 * @param grantedBy  how it was granted; null until {@code QualificationGranted} arrives
 * @param validFrom  its first day; null until granted
 * @param validTo    its last day before the re-check falls due; null where it is long-term, or not known yet
 * @param revokedAt  when it was revoked; null unless revoked
 * @param revocationReason what the applicant is told of the revocation
 * @param expiredAt  when review recorded its expiry; null unless expired
 */
public record Qualification(String number, QualificationGranted.@Nullable Grant grantedBy, @Nullable LocalDate validFrom,
        @Nullable LocalDate validTo, @Nullable Instant revokedAt, @Nullable String revocationReason,
        @Nullable Instant expiredAt) {

    public static Qualification numbered(String number) {
        return new Qualification(number, null, null, null, null, null, null);
    }
}
