package org.mtb.intake.application;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.mtb.contracts.catalog.IdentityVerification;

/**
 * How the person of a stored application was verified, and who attests it.
 *
 * @param reference  the channel's reference of the face check or e-voucher presentation
 * @param verifiedAt when it took place; for a counter or an account, the submission's moment
 * @param attestedBy the channel's client id, the counter clerk's or the applicant's account
 */
public record VerifiedIdentity(IdentityVerification method, @Nullable String reference, Instant verifiedAt,
        String attestedBy) {
}
