package org.mtb.review.reviewcase;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
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
 * @param remindedAt when the applicant was reminded of the re-check; null before
 * @param institutionChoices the designated institutions the holder chose, oldest first; the last is in force
 * @param replaces the qualification this one renews (continuing from its end) or replaces (a change); null for a first
 * @param successor the qualification that renews or replaced this one; null while none does
 * @param verificationCode printed on its electronic certificate; anybody holding the certificate checks it with the
 *        number at the public verification endpoint
 */
record Qualification(String number, LocalDate validFrom, @Nullable LocalDate validTo, Status status,
        QualificationGranted.Grant grantedBy, @Nullable String ruleVersion, Instant grantedAt,
        @Nullable Instant endedAt, @Nullable String endReason, @Nullable Instant remindedAt,
        @Nullable List<InstitutionChoice> institutionChoices, String verificationCode, @Nullable String replaces,
        @Nullable String successor) {

    enum Status {
        ACTIVE,
        REVOKED,
        EXPIRED
    }

    /** A designated institution the holder chose (可选择一家定点医疗机构), and when. */
    record InstitutionChoice(String code, String name, Instant chosenAt) {
    }

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();
    /** Crockford's base32 alphabet: no I, L, O or U to misread from paper. */
    private static final char[] CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    /** A fresh verification code: 16 random base32 characters (80 bits), in groups of four. */
    static String newVerificationCode() {
        StringBuilder code = new StringBuilder(19);
        for (int i = 0; i < 16; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(CODE_ALPHABET[RANDOM.nextInt(CODE_ALPHABET.length)]);
        }
        return code.toString();
    }

    static String numberFor(String applicationNumber) {
        return "Q-" + applicationNumber;
    }

    List<InstitutionChoice> choices() {
        return institutionChoices == null ? List.of() : institutionChoices;
    }

    Qualification ended(Status status, Instant at, String reason) {
        return new Qualification(number, validFrom, validTo, status, grantedBy, ruleVersion, grantedAt, at, reason,
                remindedAt, institutionChoices, verificationCode, replaces, successor);
    }

    Qualification succeededBy(String number) {
        return new Qualification(this.number, validFrom, validTo, status, grantedBy, ruleVersion, grantedAt, endedAt,
                endReason, remindedAt, institutionChoices, verificationCode, replaces, number);
    }

    Qualification reminded(Instant at) {
        return new Qualification(number, validFrom, validTo, this.status, grantedBy, ruleVersion, grantedAt, endedAt,
                endReason, at, institutionChoices, verificationCode, replaces, successor);
    }

    Qualification chose(InstitutionChoice choice) {
        List<InstitutionChoice> all = new java.util.ArrayList<>(choices());
        all.add(choice);
        return new Qualification(number, validFrom, validTo, this.status, grantedBy, ruleVersion, grantedAt, endedAt,
                endReason, remindedAt, all, verificationCode, replaces, successor);
    }
}
