package org.mtb.review.flow;

import org.mtb.contracts.InsuranceType;
import org.mtb.contracts.SealedField;
import org.mtb.contracts.intake.Applicant;
import org.mtb.support.crypto.BlindIndex;
import org.mtb.support.crypto.FieldCipher;

/** The flow tests' insured person (张三), as intake sends him: sealed for the application, indexed, masked. */
final class SealedApplicants {

    static final String ID_NUMBER = "11010519491231002X";
    static final String NAME = "张三";
    static final String PHONE = "13800138000";

    private SealedApplicants() {
    }

    static Applicant zhang(FieldCipher cipher, BlindIndex index, String applicationNumber, InsuranceType insurance) {
        return new Applicant(cipher.seal(ID_NUMBER, SealedField.ID_NUMBER.context(applicationNumber)),
                cipher.seal(NAME, SealedField.NAME.context(applicationNumber)),
                cipher.seal(PHONE, SealedField.PHONE.context(applicationNumber)), insurance, index.ofIdNumber(ID_NUMBER),
                Applicant.Masked.of(ID_NUMBER, NAME, PHONE));
    }
}
