package org.mtb.support.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Access tokens for tests, signed with the test issuer's key ({@code test-issuer.jwk} beside this class; its public
 * half is what the services' test configuration trusts: {@code mtb.security.jwk-set-location}). Test-only: no
 * deployment trusts this key.
 */
public final class TestTokens {

    /** The issuer the services' tests are configured with ({@code mtb.security.issuer}). */
    public static final String ISSUER = "https://issuer.test";
    public static final String AUDIENCE = "mtb-api";
    /** The value of {@code mtb.security.jwk-set-location} that trusts the test issuer. */
    public static final String JWK_SET_LOCATION = "classpath:org/mtb/support/security/test-issuer-public.jwks";

    private static final RSAKey KEY = key();

    private TestTokens() {
    }

    /** A token with these claims, valid for ten minutes from now. */
    public static Builder token(String subject) {
        return new Builder(subject);
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }

    public static String applicant(String account, String idNumber) {
        return token(account).roles(Role.APPLICANT).claim("id_number", idNumber).claim("azp", "mtb-cli").sign();
    }

    public static String channel(String clientId, String... regions) {
        return token(clientId).roles(Role.CHANNEL).regions(regions).claim("azp", clientId).sign();
    }

    /** A person of a region with one role: a reviewer, clerk, hotline, supervisor or region operator. */
    public static String staff(Role role, String username, String... regions) {
        return token(username).roles(role).regions(regions).claim("azp", "mtb-cli").sign();
    }

    public static String ops() {
        return token("ops").roles(Role.OPS).sign();
    }

    public static final class Builder {

        private final Map<String, Object> claims = new LinkedHashMap<>();
        private Instant issuedAt = Instant.now();
        private Duration validFor = Duration.ofMinutes(10);

        private Builder(String subject) {
            claims.put("sub", subject);
            claims.put("preferred_username", subject);
            claims.put("iss", ISSUER);
            claims.put("aud", List.of(AUDIENCE));
        }

        public Builder roles(Role... roles) {
            claims.put("roles", Arrays.stream(roles).map(Role::name).toList());
            return this;
        }

        public Builder regions(String... regions) {
            claims.put("regions", List.of(regions));
            return this;
        }

        public Builder claim(String name, Object value) {
            claims.put(name, value);
            return this;
        }

        public Builder issuedAt(Instant at, Duration validity) {
            this.issuedAt = at;
            this.validFor = validity;
            return this;
        }

        public String sign() {
            JWTClaimsSet.Builder set = new JWTClaimsSet.Builder().jwtID(UUID.randomUUID().toString())
                    .issueTime(Date.from(issuedAt)).expirationTime(Date.from(issuedAt.plus(validFor)));
            claims.forEach(set::claim);
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY.getKeyID()).build(),
                    set.build());
            try {
                jwt.sign(new RSASSASigner(KEY));
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
            return jwt.serialize();
        }
    }

    private static RSAKey key() {
        try (InputStream in = TestTokens.class.getResourceAsStream("test-issuer.jwk")) {
            if (in == null) {
                throw new IllegalStateException("test-issuer.jwk is missing beside TestTokens");
            }
            return RSAKey.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }
}
