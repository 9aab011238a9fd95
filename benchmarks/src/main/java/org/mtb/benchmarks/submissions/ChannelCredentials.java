package org.mtb.benchmarks.submissions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.mtb.benchmarks.load.StackTokens;
import org.mtb.stack.StackSettings;
import tools.jackson.databind.json.JsonMapper;

/**
 * The load comes as it does in production, from the regions' platforms: each application through the channel of
 * its region, with the channel's token and its request signed ({@code x-tif-*}, docs/security.md) with the
 * development secret the stack was given.
 */
final class ChannelCredentials {

    /** The realm's channel client of each region the benchmark's applications are for. */
    private static final Map<String, String> CHANNEL_OF_REGION = Map.of("620900", "gs-jiuquan-platform",
            "520200", "gz-liupanshui-platform", "659006", "xj-tiemenguan-platform");

    private final StackSettings settings;
    private final Map<String, String> signingSecrets = new LinkedHashMap<>();
    private final Map<String, String> authorizations = new java.util.concurrent.ConcurrentHashMap<>();

    ChannelCredentials(StackSettings settings) {
        this.settings = settings;
        try {
            var channels = JsonMapper.builder().build().readTree(Files.readString(settings.channelSecretsFile()))
                    .path("channels");
            CHANNEL_OF_REGION.values().forEach(paasid -> signingSecrets.put(paasid,
                    channels.path(paasid).get(0).asString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        renew();
    }

    /** Fresh tokens for every channel, so that a phase never outlives them. */
    void renew() {
        CHANNEL_OF_REGION.values().forEach(paasid -> authorizations.put(paasid,
                "Bearer " + StackTokens.channel(settings, paasid)));
    }

    /** The token and signature headers of one request with this body for an application of the region. */
    Map<String, String> headers(String regionCode, String body) {
        return headers(regionCode, body.getBytes(StandardCharsets.UTF_8));
    }

    /** The same for a body of exact bytes: a multipart upload, or the empty body of a GET. */
    Map<String, String> headers(String regionCode, byte[] body) {
        String paasid = CHANNEL_OF_REGION.get(regionCode);
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        String nonce = UUID.randomUUID().toString();
        String digest = sha256(body);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", authorizations.get(paasid));
        headers.put("x-tif-paasid", paasid);
        headers.put("x-tif-timestamp", timestamp);
        headers.put("x-tif-nonce", nonce);
        headers.put("x-tif-body-sha256", digest);
        headers.put("x-tif-signature", sha256(timestamp + signingSecrets.get(paasid) + nonce + digest + timestamp));
        return headers;
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
