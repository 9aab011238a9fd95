package org.mtb.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class ChannelSignaturesTests {

    private static final Instant NOW = Instant.parse("2026-11-30T02:00:00Z");
    private static final String BODY = "{\"regionCode\":\"659006\"}";
    private static final String NONCE = "n0nce-0123456789abcdef";
    private final ChannelSignatures signatures = new ChannelSignatures(Map.of(
            "xj-tiemenguan-platform", List.of("tiemenguan-secret-new", "tiemenguan-secret-old"),
            "gs-jiuquan-platform", List.of("jiuquan-secret-0001")), Duration.ofMinutes(5));

    @Test
    void aRequestSignedWithTheCurrentOrThePreviousSecretHolds() {
        assertThat(check(headers("tiemenguan-secret-new", NOW), "xj-tiemenguan-platform", BODY)).isEmpty();
        assertThat(check(headers("tiemenguan-secret-old", NOW), "xj-tiemenguan-platform", BODY)).isEmpty();
    }

    @Test
    void theSignatureIsTheNationalSchemeWithTheBodyDigestBetweenNonceAndTimestamp() {
        String digest = ChannelSignatures.sha256Hex(BODY.getBytes(StandardCharsets.UTF_8));
        String expected = ChannelSignatures.sha256Hex(("1796004000" + "s3cret" + NONCE + digest + "1796004000")
                .getBytes(StandardCharsets.UTF_8));

        assertThat(ChannelSignatures.signature("1796004000", "s3cret", NONCE, digest)).isEqualTo(expected)
                .matches("[0-9a-f]{64}");
        assertThat(ChannelSignatures.sha256Hex(new byte[0]))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void eachWayOfGettingItWrongHasItsOwnCode() {
        Map<String, @Nullable String> missing = headers("tiemenguan-secret-new", NOW);
        missing.remove(ChannelSignatures.NONCE);
        assertThat(code(missing, "xj-tiemenguan-platform", BODY)).isEqualTo("CHANNEL_SIGNATURE_MISSING");

        assertThat(code(headers("tiemenguan-secret-new", NOW), "gs-jiuquan-platform", BODY))
                .as("the paasid of another client than the token's").isEqualTo("CHANNEL_UNKNOWN_PAASID");
        Map<String, @Nullable String> unknown = headers("tiemenguan-secret-new", NOW);
        unknown.put(ChannelSignatures.PAASID, "somebody");
        assertThat(code(unknown, "somebody", BODY)).isEqualTo("CHANNEL_UNKNOWN_PAASID");

        assertThat(code(headers("tiemenguan-secret-new", NOW.minus(Duration.ofSeconds(301))),
                "xj-tiemenguan-platform", BODY)).isEqualTo("CHANNEL_TIMESTAMP_OUT_OF_WINDOW");
        assertThat(code(headers("tiemenguan-secret-new", NOW.plus(Duration.ofSeconds(301))),
                "xj-tiemenguan-platform", BODY)).isEqualTo("CHANNEL_TIMESTAMP_OUT_OF_WINDOW");
        assertThat(check(headers("tiemenguan-secret-new", NOW.minus(Duration.ofSeconds(299))),
                "xj-tiemenguan-platform", BODY)).isEmpty();

        Map<String, @Nullable String> shortNonce = headers("tiemenguan-secret-new", NOW);
        shortNonce.put(ChannelSignatures.NONCE, "abc");
        assertThat(code(shortNonce, "xj-tiemenguan-platform", BODY)).isEqualTo("CHANNEL_NONCE_INVALID");

        assertThat(code(headers("tiemenguan-secret-new", NOW), "xj-tiemenguan-platform",
                BODY.replace("659006", "620900"))).isEqualTo("CHANNEL_BODY_CHANGED");
        assertThat(code(headers("a-secret-it-never-had", NOW), "xj-tiemenguan-platform", BODY))
                .isEqualTo("CHANNEL_SIGNATURE_INVALID");
    }

    @Test
    void aRefusalNeverNamesASecret() {
        Optional<ChannelSignatures.Refusal> refusal = check(headers("a-secret-it-never-had", NOW),
                "xj-tiemenguan-platform", BODY);

        assertThat(refusal).get().extracting(ChannelSignatures.Refusal::detail).asString()
                .doesNotContain("tiemenguan-secret", "a-secret-it-never-had");
    }

    private Map<String, @Nullable String> headers(String secret, Instant at) {
        return new HashMap<>(ChannelRequests.signed("xj-tiemenguan-platform", secret, BODY, at, NONCE));
    }

    private Optional<ChannelSignatures.Refusal> check(Map<String, @Nullable String> headers, String client,
            String body) {
        return signatures.check(headers, client, body.getBytes(StandardCharsets.UTF_8), NOW);
    }

    private String code(Map<String, @Nullable String> headers, String client, String body) {
        return check(headers, client, body).orElseThrow().code();
    }
}
