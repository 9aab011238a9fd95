package org.mtb.intake.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mtb.contracts.Channel;
import org.mtb.contracts.InsuranceType;
import org.mtb.contracts.PersonalData;
import org.mtb.contracts.catalog.IdentityVerification;
import org.mtb.contracts.intake.Agent;
import org.mtb.contracts.intake.ApplicationKind;

/**
 * What a channel sends to apply. Every field is checked by {@link ApplicationValidator}.
 *
 * @param kind                new (the default), change or renewal ({@link ApplicationKinds})
 * @param qualificationNumber the qualification a change or renewal concerns: its approved application's number
 * @param agent               the agent (代办人) who applies for the insured person; null when the person applies
 */
public record SubmitApplicationRequest(
        @Nullable String regionCode,
        @Nullable String diseaseCode,
        @Nullable ApplicantRequest applicant,
        @Nullable HospitalRequest hospital,
        @Nullable String conditionSummary,
        @Nullable Channel channel,
        @Nullable IdentityVerificationRequest identityVerification,
        @Nullable List<@Nullable MaterialItemRequest> materials,
        @Nullable DeclarationRequest declaration,
        @Nullable ApplicationKind kind,
        @Nullable String qualificationNumber,
        @Nullable AgentRequest agent) {

    /** A request as channels sent it before materials and the declaration were taken; it is refused for lacking them. */
    public SubmitApplicationRequest(@Nullable String regionCode, @Nullable String diseaseCode,
            @Nullable ApplicantRequest applicant, @Nullable HospitalRequest hospital, @Nullable String conditionSummary,
            @Nullable Channel channel, @Nullable IdentityVerificationRequest identityVerification) {
        this(regionCode, diseaseCode, applicant, hospital, conditionSummary, channel, identityVerification, null, null,
                null, null, null);
    }

    /**
     * One material item: its type from the region's catalog and the uploaded files that make it up (an ID card's
     * front and back, a record's pages), with the date the document was issued and the hospital that issued it:
     * required where the catalog's rule needs them, taken for any item (not after today, a level of 1 to 3) and
     * passed on to review.
     */
    public record MaterialItemRequest(@Nullable String type, @Nullable List<@Nullable String> materialIds,
            @Nullable LocalDate issuedOn, @Nullable IssuerRequest issuer) {
    }

    /** An agent (代办人): who they are, how to reach them, and how they are related to the insured person. */
    public record AgentRequest(@Nullable String idNumber, @Nullable String name, @Nullable String phone,
            Agent.@Nullable Relationship relationship) {

        @Override
        public String toString() {
            return "AgentRequest[idNumber=" + PersonalData.maskIdNumber(idNumber) + ", name="
                    + PersonalData.maskName(name) + ", phone=" + PersonalData.maskPhone(phone) + ", relationship="
                    + relationship + "]";
        }
    }

    /** The hospital that issued a document, and its level (1 to 3). */
    public record IssuerRequest(@Nullable String name, @Nullable Integer level) {
    }

    /**
     * The applicant's confirmation of the truthfulness declaration ({@link TruthfulnessDeclaration}).
     *
     * @param version the version of the text the applicant was shown
     */
    public record DeclarationRequest(@Nullable Boolean accepted, @Nullable String version) {
    }

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
