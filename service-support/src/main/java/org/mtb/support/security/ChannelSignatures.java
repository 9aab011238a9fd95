package org.mtb.support.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Checks a channel's signed request, as the national platform's TIF gateway signs them, with a body digest added.
 *
 * <p>Headers: {@value #PAASID} (the channel, which must be the client its token was issued to), {@value #TIMESTAMP}
 * (Unix seconds), {@value #NONCE} (16 to 64 characters of {@code A-Z a-z 0-9 _ -}, never used twice within the
 * window), {@value #BODY_SHA256} (lower-case hex SHA-256 of the exact body bytes; of the empty body for a GET) and
 * {@value #SIGNATURE}:
 *
 * <pre>lower-case hex SHA-256( timestamp + secret + nonce + bodySha256 + timestamp )</pre>
 *
 * <p>The national scheme is the same without {@code bodySha256}, so it lets a body be changed in transit; here the
 * digest is signed too. Concatenation without separators is unambiguous because the timestamp is digits, the nonce
 * has a bounded alphabet without the padding bytes a length-extension forgery of SHA-256 would need, and the digest
 * has a fixed length. A channel has one or two secrets: during a rotation both are valid.
 */
final class ChannelSignatures {

    static final String PAASID = "x-tif-paasid";
    static final String TIMESTAMP = "x-tif-timestamp";
    static final String NONCE = "x-tif-nonce";
    static final String BODY_SHA256 = "x-tif-body-sha256";
    static final String SIGNATURE = "x-tif-signature";
    static final List<String> HEADERS = List.of(PAASID, TIMESTAMP, NONCE, BODY_SHA256, SIGNATURE);

    private static final Pattern NONCE_FORMAT = Pattern.compile("[A-Za-z0-9_-]{16,64}");
    private static final Pattern TIMESTAMP_FORMAT = Pattern.compile("\\d{1,12}");

    /** A refusal, with its problem code and what to tell the channel (never a secret). */
    record Refusal(String code, String detail) {
    }

    private final Map<String, List<String>> secrets;
    private final Duration window;

    ChannelSignatures(Map<String, List<String>> secrets, Duration window) {
        this.secrets = Map.copyOf(secrets);
        this.window = window;
    }

    /**
     * The refusal of a request, or empty when its signature holds. {@code headers} maps each header of
     * {@link #HEADERS} to its value (absent when not sent); {@code client} is the token's {@code azp}.
     */
    Optional<Refusal> check(Map<String, @Nullable String> headers, @Nullable String client, byte[] body,
            Instant now) {
        List<String> missing = new ArrayList<>();
        for (String header : HEADERS) {
            String value = headers.get(header);
            if (value == null || value.isBlank()) {
                missing.add(header);
            }
        }
        if (!missing.isEmpty()) {
            return refuse(SecurityProblems.CHANNEL_SIGNATURE_MISSING, "A channel's request is signed; missing "
                    + String.join(", ", missing));
        }
        String paasid = headers.get(PAASID).strip();
        List<String> keys = secrets.get(paasid);
        if (keys == null || keys.isEmpty() || !paasid.equals(client)) {
            return refuse(SecurityProblems.CHANNEL_UNKNOWN_PAASID, "No channel " + paasid
                    + " is configured for the client of this access token");
        }
        String timestamp = headers.get(TIMESTAMP).strip();
        if (!TIMESTAMP_FORMAT.matcher(timestamp).matches() || Duration.between(
                Instant.ofEpochSecond(Long.parseLong(timestamp)), now).abs().compareTo(window) > 0) {
            return refuse(SecurityProblems.CHANNEL_TIMESTAMP_OUT_OF_WINDOW, TIMESTAMP + " must be the Unix time in"
                    + " seconds, within " + window.toSeconds() + " s of the server's clock");
        }
        String nonce = headers.get(NONCE).strip();
        if (!NONCE_FORMAT.matcher(nonce).matches()) {
            return refuse(SecurityProblems.CHANNEL_NONCE_INVALID, NONCE
                    + " must be 16 to 64 characters of A-Z, a-z, 0-9, _ and -");
        }
        String digest = sha256Hex(body);
        if (!MessageDigest.isEqual(digest.getBytes(StandardCharsets.US_ASCII),
                headers.get(BODY_SHA256).strip().getBytes(StandardCharsets.US_ASCII))) {
            return refuse(SecurityProblems.CHANNEL_BODY_CHANGED, "The body is not the one whose SHA-256 was signed");
        }
        byte[] sent = headers.get(SIGNATURE).strip().getBytes(StandardCharsets.US_ASCII);
        for (String secret : keys) {
            byte[] expected = signature(timestamp, secret, nonce, digest).getBytes(StandardCharsets.US_ASCII);
            if (MessageDigest.isEqual(expected, sent)) {
                return Optional.empty();
            }
        }
        return refuse(SecurityProblems.CHANNEL_SIGNATURE_INVALID, "The signature does not match: "
                + SIGNATURE + " = hex SHA-256(timestamp + secret + nonce + body SHA-256 + timestamp)");
    }

    /** How long a nonce must be remembered: a request outside the window is refused anyway. */
    Duration window() {
        return window;
    }

    static String signature(String timestamp, String secret, String nonce, String bodySha256) {
        return sha256Hex((timestamp + secret + nonce + bodySha256 + timestamp).getBytes(StandardCharsets.UTF_8));
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static Optional<Refusal> refuse(String code, String detail) {
        return Optional.of(new Refusal(code, detail));
    }
}
