package org.mtb.intake.application;

import org.jspecify.annotations.Nullable;
import org.mtb.contracts.InsuranceType;
import org.mtb.contracts.SealedField;
import org.mtb.contracts.intake.Agent;
import org.mtb.contracts.intake.Applicant;
import org.mtb.contracts.review.Recipient;
import org.mtb.support.crypto.BlindIndex;
import org.mtb.support.crypto.FieldCipher;
import org.mtb.support.crypto.SealedCollection;
import org.mtb.support.security.ApplicationReaders;
import org.mtb.support.security.Caller;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The personal data of an application, sealed once at acceptance: the same sealed values are stored in the
 * application and sent in its {@code ApplicationSubmitted} (schema 2), each in the context of its field and
 * application ({@link SealedField}). Intake opens only the condition summary, to answer it to those who may read the
 * application; the ID number is matched by its blind index, and answers show the masked forms.
 */
@Configuration(proxyBeanMethods = false)
class PersonalDataSeals {

    private final FieldCipher cipher;
    private final BlindIndex index;

    PersonalDataSeals(FieldCipher cipher, BlindIndex index) {
        this.cipher = cipher;
        this.index = index;
    }

    /** The stored applications' sealed fields, for the re-encryption job. */
    @Bean
    static SealedCollection sealedApplications() {
        return new SealedCollection(Application.COLLECTION, "_id", SealedField.contextsByPath());
    }

    Applicant seal(String number, String idNumber, String name, String phone, InsuranceType insuranceType) {
        return new Applicant(cipher.seal(idNumber, SealedField.ID_NUMBER.context(number)),
                cipher.seal(name, SealedField.NAME.context(number)),
                cipher.seal(phone, SealedField.PHONE.context(number)), insuranceType, index.ofIdNumber(idNumber),
                Applicant.Masked.of(idNumber, name, phone));
    }

    /** The agent's values, sealed in the application's context as the applicant's are. */
    Agent sealAgent(String number, String idNumber, String name, String phone, Agent.Relationship relationship) {
        return new Agent(cipher.seal(idNumber, SealedField.AGENT_ID_NUMBER.context(number)),
                cipher.seal(name, SealedField.AGENT_NAME.context(number)),
                cipher.seal(phone, SealedField.AGENT_PHONE.context(number)), relationship,
                Applicant.Masked.of(idNumber, name, phone));
    }

    String sealConditionSummary(String number, String conditionSummary) {
        return cipher.seal(conditionSummary, SealedField.CONDITION_SUMMARY.context(number));
    }

    /** The condition summary to answer a reader of the application: the service's own rendering, not audited. */
    @Nullable String conditionSummary(Application application) {
        return cipher.readable(application.conditionSummary(),
                SealedField.CONDITION_SUMMARY.context(application.applicationNumber()));
    }

    /** The masked forms; an application stored in clear before encryption began has them made from its values. */
    Applicant.Masked masked(Application application) {
        String number = application.applicationNumber();
        return application.applicant().maskedForms((value, field) -> readable(value, field, number));
    }

    /**
     * Whom notification tells: the phone sealed (sealed now if stored in clear before encryption), the name and the
     * phone masked.
     */
    Recipient recipient(Application application) {
        Applicant.Masked masked = masked(application);
        return new Recipient(null, cipher.sealedForm(application.applicant().phone(),
                SealedField.PHONE.context(application.applicationNumber())), masked.name(), masked.phone());
    }

    /** Whether the caller submitted the application: the account or channel that may act on it. */
    static boolean submittedBy(Caller caller, Application application) {
        return application.submittedBy() != null && application.submittedBy().subject().equals(caller.subject());
    }

    boolean mayRead(Caller caller, Application application) {
        Applicant applicant = application.applicant();
        String insured = applicant.idNumberIndex() != null ? applicant.idNumberIndex()
                : index.ofIdNumber(readable(applicant.idNumber(), SealedField.ID_NUMBER,
                        application.applicationNumber()));
        var submitter = application.submittedBy();
        return ApplicationReaders.mayRead(caller, new ApplicationReaders.Parties(application.regionCode(),
                submitter == null ? null : submitter.subject(), submitter == null ? null : submitter.client(), insured,
                application.hospital().code()), index);
    }

    private String readable(String value, SealedField field, String number) {
        return cipher.readable(value, field.context(number));
    }
}
