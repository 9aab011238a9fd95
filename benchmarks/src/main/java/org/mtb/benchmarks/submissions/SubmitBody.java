package org.mtb.benchmarks.submissions;

import java.time.Instant;
import org.mtb.contracts.Channel;
import org.mtb.contracts.InsuranceType;
import org.mtb.contracts.intake.Hospital;

/** The body of {@code POST /api/v1/applications}, as a channel sends it. */
record SubmitBody(String regionCode, String diseaseCode, Person applicant, Hospital hospital,
        String conditionSummary, Channel channel, IdentityVerification identityVerification) {

    /** The insured person, in clear as the channel sends it over TLS; intake seals it. */
    record Person(String idNumber, String name, String phone, InsuranceType insuranceType) {
    }

    /** How the channel verified the person: every region of the benchmark accepts an e-voucher. */
    record IdentityVerification(String method, String reference, Instant verifiedAt) {
    }
}
