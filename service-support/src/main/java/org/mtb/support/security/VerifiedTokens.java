package org.mtb.support.security;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Remembers the tokens it has verified, so that a caller sending the same token with every request (a channel's
 * back end does so for the token's whole life) pays for the RSA signature check and the parsing once. The whole token
 * text is the key: a token changed in one character is another key and is verified in full. A remembered token is
 * still checked for expiry at every use. At most {@code capacity} tokens are kept, the least recently used forgotten
 * first; a forgotten token is simply verified again.
 */
final class VerifiedTokens implements JwtDecoder {

    private final JwtDecoder decoder;
    private final OAuth2TokenValidator<Jwt> stillValid = new JwtTimestampValidator();
    private final RecentlyUsed<String, Jwt> verified;

    VerifiedTokens(JwtDecoder decoder, int capacity) {
        this.decoder = decoder;
        this.verified = new RecentlyUsed<>(capacity);
    }

    @Override
    public Jwt decode(String token) {
        Jwt known = verified.get(token);
        if (known != null) {
            var result = stillValid.validate(known);
            if (!result.hasErrors()) {
                return known;
            }
            verified.remove(token);
            throw new JwtValidationException(result.getErrors().iterator().next().getDescription(),
                    result.getErrors());
        }
        Jwt checked = decoder.decode(token);
        verified.put(token, checked);
        return checked;
    }

    int size() {
        return verified.size();
    }
}
