package org.mtb.intake.application;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.mtb.contracts.Channel;
import org.mtb.contracts.InsuranceType;
import org.mtb.contracts.PersonalData;
import org.mtb.contracts.catalog.IdentityVerification;

/** What a channel sends to apply. Every field is checked by {@link ApplicationValidator}. */
public record SubmitApplicationRequest(
        @Nullable String regionCode,
        @Nullable String diseaseCode,
        @Nullable ApplicantRequest applicant,
        @Nullable HospitalRequest hospital,
        @Nullable String conditionSummary,
        @Nullable Channel channel,
        @Nullable IdentityVerificationRequest identityVerification) {

    /**
     * How the person was verified, as a channel, a counter or the person's account attests it
     * ({@link IdentityAssurance}).
     *
     * @param reference  the channel's reference of a face check or e-voucher presentation
     * @param verifiedAt when the face check or the e-voucher presentation took place
     */
    public record IdentityVerificationRequest(@Nullable IdentityVerification method, @Nullable String reference,
            @Nullable Instant verifiedAt) {
    }

    public record ApplicantRequest(@Nullable String idNumber, @Nullable String name, @Nullable String phone,
            @Nullable InsuranceType insuranceType) {

        @Override
        public String toString() {
            return "ApplicantRequest[idNumber=" + PersonalData.maskIdNumber(idNumber) + ", name="
                    + PersonalData.maskName(name) + ", phone=" + PersonalData.maskPhone(phone)
                    + ", insuranceType=" + insuranceType + "]";
        }
    }

    /** @param code the designated medical institution code (定点医药机构编号), optional */
    public record HospitalRequest(@Nullable String name, @Nullable Integer level, @Nullable String code) {
    }
}
