package org.mtb.support.security;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The signature headers of a channel's request, as a channel computes them ({@code x-tif-*}), for tests. The secrets
 * are those of {@code test-channel-secrets.json} beside this class, which the services' test configuration names.
 */
public final class ChannelRequests {

    public static final String JIUQUAN = "gs-jiuquan-platform";
    public static final String TIEMENGUAN = "xj-tiemenguan-platform";

    private static final Map<String, String> SECRETS = Map.of(JIUQUAN, "test-jiuquan-signing-secret-2",
            "gz-liupanshui-platform", "test-liupanshui-signing-secret-2", TIEMENGUAN, "test-tiemenguan-signing-new");

    private ChannelRequests() {
    }

    /** Signed now, with a fresh nonce, by the channel's current test secret. */
    public static Map<String, String> signed(String paasid, String body) {
        return signed(paasid, SECRETS.get(paasid), body, Instant.now(), UUID.randomUUID().toString());
    }

    /** The headers signing a binary body, such as a multipart upload. */
    public static Map<String, String> signed(String paasid, byte[] body) {
        return signed(paasid, SECRETS.get(paasid), body, Instant.now(), UUID.randomUUID().toString());
    }

    public static Map<String, String> signed(String paasid, String secret, String body, Instant at, String nonce) {
        return signed(paasid, secret, body.getBytes(StandardCharsets.UTF_8), at, nonce);
    }

    public static Map<String, String> signed(String paasid, String secret, byte[] body, Instant at, String nonce) {
        String timestamp = String.valueOf(at.getEpochSecond());
        String digest = ChannelSignatures.sha256Hex(body);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(ChannelSignatures.PAASID, paasid);
        headers.put(ChannelSignatures.TIMESTAMP, timestamp);
        headers.put(ChannelSignatures.NONCE, nonce);
        headers.put(ChannelSignatures.BODY_SHA256, digest);
        headers.put(ChannelSignatures.SIGNATURE, ChannelSignatures.signature(timestamp, secret, nonce, digest));
        return headers;
    }

    /**
     * A {@code multipart/form-data} body with one file part and text fields, as a channel's upload sends it; its
     * Content-Type is {@link #MULTIPART_TYPE}.
     */
    public static byte[] multipart(String fileName, String fileType, byte[] file, Map<String, String> fields) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        fields.forEach((name, value) -> out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + fileType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(file);
        out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static final String BOUNDARY = "mtb-upload-7d1f3c";
    public static final String MULTIPART_TYPE = "multipart/form-data; boundary=" + BOUNDARY;
}
