package org.mtb.contracts;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opens the sealed values of the schema-2 golden fixtures with the JDK alone, as a consumer written in another
 * language would from {@link SealedField}'s description: this pins the wire form independently of the services'
 * library. The fixtures were sealed with the test key {@code test-k1} (the bytes 0 to 31) and indexed with the test
 * index key (the bytes 32 to 63); neither is used anywhere else.
 */
final class SealedFixtureValues {

    private static final byte[] TEST_K1 = range(0, 32);
    private static final byte[] TEST_INDEX_KEY = range(32, 64);
    private static final String PREFIX = "enc:1:test-k1:";

    private SealedFixtureValues() {
    }

    static String open(String sealed, String context) throws GeneralSecurityException {
        if (!sealed.startsWith(PREFIX)) {
            throw new GeneralSecurityException("not sealed with test-k1: " + sealed);
        }
        byte[] payload = Base64.getUrlDecoder().decode(sealed.substring(PREFIX.length()));
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(TEST_K1, "AES"),
                new GCMParameterSpec(128, Arrays.copyOf(payload, 12)));
        cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
        return new String(cipher.doFinal(payload, 12, payload.length - 12), StandardCharsets.UTF_8);
    }

    static String index(String kind, String value) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(TEST_INDEX_KEY, "HmacSHA256"));
        mac.update(kind.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] range(int from, int to) {
        byte[] bytes = new byte[to - from];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (from + i);
        }
        return bytes;
    }
}
