package org.mtb.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Signs a channel's request as a provincial platform does ({@code x-tif-*}, docs/security.md), with the development
 * secret the stack was given ({@code deploy/channels/dev-channel-secrets.json}), written independently of the
 * services' code so that the end-to-end test checks the documented scheme, not the implementation against itself.
 */
final class ChannelSigner {

    private final String paasid;
    private final String secret;

    ChannelSigner(Path secretsFile, String paasid) {
        this.paasid = paasid;
        try {
            this.secret = Http.JSON.readTree(Files.readString(secretsFile)).path("channels").path(paasid).get(0)
                    .asString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The five headers, as name and value pairs, for this body now, with a fresh nonce. */
    String[] headers(String body) {
        return headers(body.getBytes(StandardCharsets.UTF_8));
    }

    /** As {@link #headers(String)}, for a binary body such as a multipart upload. */
    String[] headers(byte[] body) {
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        String nonce = UUID.randomUUID().toString();
        String digest = sha256(body);
        List<String> headers = new ArrayList<>(List.of("x-tif-paasid", paasid, "x-tif-timestamp", timestamp,
                "x-tif-nonce", nonce, "x-tif-body-sha256", digest, "x-tif-signature",
                sha256(timestamp + secret + nonce + digest + timestamp)));
        return headers.toArray(String[]::new);
    }

    private static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
