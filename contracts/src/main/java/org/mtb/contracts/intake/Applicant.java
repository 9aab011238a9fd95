package org.mtb.contracts.intake;

import org.mtb.contracts.InsuranceType;
import org.mtb.contracts.PersonalData;

/**
 * The insured person. Carried in clear on the bus, which only the services read; {@link #toString()}
 * masks it so that it cannot reach a log line by accident.
 */
public record Applicant(String idNumber, String name, String phone, InsuranceType insuranceType) {

    @Override
    public String toString() {
        return "Applicant[idNumber=" + PersonalData.maskIdNumber(idNumber) + ", name=" + PersonalData.maskName(name)
                + ", phone=" + PersonalData.maskPhone(phone) + ", insuranceType=" + insuranceType + "]";
    }
}
