package org.mtb.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

class VerifiedTokensTests {

    /** Stands for the signature check: counts its calls, accepts tokens named "good-*". */
    private static final class CountingDecoder implements JwtDecoder {

        final List<String> decoded = new ArrayList<>();
        Instant expiresAt = Instant.now().plus(Duration.ofMinutes(10));

        @Override
        public Jwt decode(String token) {
            decoded.add(token);
            if (!token.startsWith("good-")) {
                throw new BadJwtException("bad signature");
            }
            return new Jwt(token, expiresAt.minus(Duration.ofMinutes(15)), expiresAt, Map.of("alg", "RS256"),
                    Map.of("sub", token));
        }
    }

    @Test
    void aTokenSentAgainIsVerifiedOnceAndABadOneEveryTime() {
        CountingDecoder signatures = new CountingDecoder();
        VerifiedTokens tokens = new VerifiedTokens(signatures, 10);

        for (int i = 0; i < 3; i++) {
            assertThat(tokens.decode("good-1").getSubject()).isEqualTo("good-1");
            assertThatThrownBy(() -> tokens.decode("bad-1")).isInstanceOf(BadJwtException.class);
        }

        assertThat(signatures.decoded).containsExactly("good-1", "bad-1", "bad-1", "bad-1");
    }

    @Test
    void aRememberedTokenThatExpiredIsRefusedAndForgotten() {
        CountingDecoder signatures = new CountingDecoder();
        signatures.expiresAt = Instant.now().minus(Duration.ofMinutes(2));
        // As if it had been valid when verified, and expired since.
        VerifiedTokens tokens = new VerifiedTokens(signatures, 10);

        tokens.decode("good-old");

        assertThatThrownBy(() -> tokens.decode("good-old")).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("expired");
        assertThat(tokens.size()).isZero();
    }

    @Test
    void keepsAtMostItsCapacityForgettingTheLeastRecentlyUsed() {
        CountingDecoder signatures = new CountingDecoder();
        VerifiedTokens tokens = new VerifiedTokens(signatures, 2);

        tokens.decode("good-a");
        tokens.decode("good-b");
        tokens.decode("good-a");
        tokens.decode("good-c");
        tokens.decode("good-a");
        tokens.decode("good-b");

        assertThat(tokens.size()).isEqualTo(2);
        assertThat(signatures.decoded).containsExactly("good-a", "good-b", "good-c", "good-b");
    }
}
