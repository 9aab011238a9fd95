package org.mtb.benchmarks.submissions;

import java.time.Instant;
import java.util.List;
import org.mtb.contracts.Channel;
import org.mtb.contracts.InsuranceType;
import org.mtb.contracts.intake.Hospital;

/** The body of {@code POST /api/v1/applications}, as a channel sends it. */
record SubmitBody(String regionCode, String diseaseCode, Person applicant, Hospital hospital,
        String conditionSummary, Channel channel, IdentityVerification identityVerification, List<Item> materials,
        Declaration declaration) {

    /** The insured person, in clear as the channel sends it over TLS; intake seals it. */
    record Person(String idNumber, String name, String phone, InsuranceType insuranceType) {
    }

    /** How the channel verified the person: every region of the benchmark accepts an e-voucher. */
    record IdentityVerification(String method, String reference, Instant verifiedAt) {
    }

    /**
     * One material of the catalog's list with the channel's uploads that make it up.
     *
     * @param issuedOn an ISO date ({@code YYYY-MM-DD}), written as text whatever the mapper does with dates
     */
    record Item(String type, List<String> materialIds, String issuedOn, Issuer issuer) {
    }

    /** The hospital that issued a document, and its level (1 to 3). */
    record Issuer(String name, int level) {
    }

    /** The applicant's confirmation of the truthfulness declaration, by the version intake answers. */
    record Declaration(boolean accepted, String version) {
    }
}
