package org.mtb.intake.application;

import org.jspecify.annotations.Nullable;
import org.mtb.contracts.Channel;
import org.mtb.contracts.InsuranceType;
import org.mtb.contracts.PersonalData;

/** What a channel sends to apply. Every field is checked by {@link ApplicationValidator}. */
public record SubmitApplicationRequest(
        @Nullable String regionCode,
        @Nullable String diseaseCode,
        @Nullable ApplicantRequest applicant,
        @Nullable HospitalRequest hospital,
        @Nullable String conditionSummary,
        @Nullable Channel channel) {

    public record ApplicantRequest(@Nullable String idNumber, @Nullable String name, @Nullable String phone,
            @Nullable InsuranceType insuranceType) {

        @Override
        public String toString() {
            return "ApplicantRequest[idNumber=" + PersonalData.maskIdNumber(idNumber) + ", name="
                    + PersonalData.maskName(name) + ", phone=" + PersonalData.maskPhone(phone)
                    + ", insuranceType=" + insuranceType + "]";
        }
    }

    public record HospitalRequest(@Nullable String name, @Nullable Integer level) {
    }
}
