package org.mtb.intake.application;

import org.mtb.contracts.Channel;
import org.mtb.contracts.InsuranceType;
import org.mtb.contracts.PersonalData;

/** What a channel sends to apply. Every field is checked by {@link ApplicationValidator}. */
public record SubmitApplicationRequest(
        String regionCode,
        String diseaseCode,
        ApplicantRequest applicant,
        HospitalRequest hospital,
        String conditionSummary,
        Channel channel) {

    public record ApplicantRequest(String idNumber, String name, String phone, InsuranceType insuranceType) {

        @Override
        public String toString() {
            return "ApplicantRequest[idNumber=" + PersonalData.maskIdNumber(idNumber) + ", name="
                    + PersonalData.maskName(name) + ", phone=" + PersonalData.maskPhone(phone)
                    + ", insuranceType=" + insuranceType + "]";
        }
    }

    public record HospitalRequest(String name, Integer level) {
    }
}
