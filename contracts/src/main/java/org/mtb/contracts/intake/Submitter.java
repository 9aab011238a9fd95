package org.mtb.contracts.intake;

import org.jspecify.annotations.Nullable;

/**
 * Who submitted an application, from the access token of the request (never from its body): the services that show
 * its progress let the submitting account or channel read it.
 *
 * @param subject the token's subject: a person's account, or a channel's client id
 * @param client  the client the token was issued to ({@code azp}); for a channel, its client id
 * @param role    the role the submitter acted in: {@code APPLICANT}, {@code CHANNEL} or {@code COUNTER_CLERK}
 */
public record Submitter(String subject, @Nullable String client, String role) {
}
