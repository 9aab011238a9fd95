package org.mtb.review.reviewcase;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mtb.contracts.SealedField;
import org.mtb.contracts.intake.Applicant;
import org.mtb.contracts.review.Recipient;
import org.mtb.support.crypto.FieldCipher;
import org.mtb.support.crypto.PersonalDataAccessLog;
import org.mtb.support.crypto.SealedCollection;
import org.mtb.support.security.Caller;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The personal data of a case, stored as intake sealed it. Review opens the condition summary to show reviewers the
 * case (its own rendering); the ID number, name and phone stay sealed, shown masked, and are opened only through
 * {@link #open}, which records who opened them and why first. The decision's recipient carries the phone on, still
 * sealed, and the masked name.
 */
@Configuration(proxyBeanMethods = false)
class CasePersonalData {

    private final FieldCipher cipher;
    private final PersonalDataAccessLog accessLog;

    CasePersonalData(FieldCipher cipher, PersonalDataAccessLog accessLog) {
        this.cipher = cipher;
        this.accessLog = accessLog;
    }

    /** The stored cases' sealed fields, for the re-encryption job. */
    @Bean
    static SealedCollection sealedCases() {
        return new SealedCollection(ReviewCase.COLLECTION, "_id", SealedField.contextsByPath());
    }

    /** The person's data in clear, as a reviewer asked for it with a reason: recorded before it is answered. */
    record Opened(String applicationNumber, String idNumber, String name, String phone, String accessId) {
    }

    Opened open(Caller caller, ReviewCase c, String purpose) {
        var access = accessLog.record(caller, c.applicationNumber(), List.of(SealedField.ID_NUMBER.path(),
                SealedField.NAME.path(), SealedField.PHONE.path()), purpose);
        Applicant applicant = c.applicant();
        String number = c.applicationNumber();
        return new Opened(number, readable(applicant.idNumber(), SealedField.ID_NUMBER, number),
                readable(applicant.name(), SealedField.NAME, number),
                readable(applicant.phone(), SealedField.PHONE, number), access.id());
    }

    List<PersonalDataAccessLog.Access> openings(ReviewCase c) {
        return accessLog.of(c.applicationNumber());
    }

    @Nullable String conditionSummary(ReviewCase c) {
        return cipher.readable(c.conditionSummary(), SealedField.CONDITION_SUMMARY.context(c.applicationNumber()));
    }

    /** The masked forms: as intake sent them, or made from the clear values of a case opened from a schema-1 event. */
    Applicant.Masked masked(ReviewCase c) {
        String number = c.applicationNumber();
        return c.applicant().maskedForms((value, field) -> readable(value, field, number));
    }

    /** The holder's own name in clear, for the holder's own certificate (not a staff opening: nothing is recorded). */
    String nameForHolder(ReviewCase c) {
        return readable(c.applicant().name(), SealedField.NAME, c.applicationNumber());
    }

    /**
     * Whom notification tells: the phone sealed (sealed here only if the case came in clear), the name and the phone
     * masked.
     */
    Recipient recipient(ReviewCase c) {
        Applicant.Masked masked = masked(c);
        return new Recipient(null, cipher.sealedForm(c.applicant().phone(),
                SealedField.PHONE.context(c.applicationNumber())), masked.name(), masked.phone());
    }

    private String readable(String value, SealedField field, String number) {
        return cipher.readable(value, field.context(number));
    }
}
