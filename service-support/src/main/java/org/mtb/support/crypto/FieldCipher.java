package org.mtb.support.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.Security;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.jspecify.annotations.Nullable;

/**
 * Seals one value of personal data, and opens it again.
 *
 * <p>A sealed value reads {@code enc:1:<key id>:<base64url of nonce, ciphertext and tag>}. The nonce is 12 random
 * bytes per value. The {@code context} (what the value is, e.g. {@code applications.applicant.idNumber}) is
 * authenticated as associated data, so a value copied into another field does not open there. A value changed by
 * one bit does not open at all.
 */
public final class FieldCipher {

    static final String PREFIX = "enc:1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int IDLE_CIPHERS = 64;

    private final KeyRing keys;
    private final Map<CipherAlgorithm, Instances<Cipher>> ciphers = new EnumMap<>(CipherAlgorithm.class);

    public FieldCipher(KeyRing keys) {
        this.keys = keys;
        for (CipherAlgorithm algorithm : CipherAlgorithm.values()) {
            ciphers.put(algorithm, new Instances<>(() -> algorithm == CipherAlgorithm.SM4_GCM
                    ? Cipher.getInstance(algorithm.transformation(), BouncyCastle.provider())
                    : Cipher.getInstance(algorithm.transformation()), IDLE_CIPHERS));
        }
    }

    /** The value sealed with the current key. */
    public String seal(String clear, String context) {
        return seal(clear, context, keys.current());
    }

    /** The clear value; throws {@link IllegalArgumentException} for a value that is not sealed or does not open. */
    public String open(String sealed, String context) {
        if (!isSealed(sealed)) {
            throw new IllegalArgumentException("Not a sealed value");
        }
        int keyEnd = sealed.indexOf(':', PREFIX.length());
        if (keyEnd < 0) {
            throw new IllegalArgumentException("A sealed value without its key id");
        }
        DataKey key = keys.key(sealed.substring(PREFIX.length(), keyEnd));
        byte[] payload = Base64.getUrlDecoder().decode(sealed.substring(keyEnd + 1));
        if (payload.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new IllegalArgumentException("A sealed value too short to hold its nonce and tag");
        }
        try {
            byte[] clear = crypt(Cipher.DECRYPT_MODE, key, payload, context, payload, NONCE_BYTES,
                    payload.length - NONCE_BYTES);
            return new String(clear, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("The value does not open with key " + key.id()
                    + " in this context: changed, or sealed for another field", e);
        }
    }

    /**
     * The clear value of a field that may predate encryption: a sealed value opened, a clear one (stored or sent before
     * encryption began, e.g. in a schema-1 event) answered as it is, null as null.
     */
    public @Nullable String readable(@Nullable String value, String context) {
        return value == null || !isSealed(value) ? value : open(value, context);
    }

    /**
     * A value to store or send sealed: one sealed already (by another service, under any key) as it is, without
     * opening it; one in clear (from a schema-1 event) sealed with the current key; null as null.
     */
    public @Nullable String sealedForm(@Nullable String value, String context) {
        return value == null || isSealed(value) ? value : seal(value, context);
    }

    /** Whether the value is sealed with the current key, so that re-encryption leaves it as it is. */
    public boolean isUnderCurrentKey(String value) {
        return isSealed(value) && keyIdOf(value).equals(keys.current().id());
    }

    /** The id of the key a sealed value was sealed with. */
    public static String keyIdOf(String sealed) {
        if (!isSealed(sealed)) {
            throw new IllegalArgumentException("Not a sealed value");
        }
        return sealed.substring(PREFIX.length(), sealed.indexOf(':', PREFIX.length()));
    }

    /** Whether the value is sealed, as against a value stored in clear before encryption began. */
    public static boolean isSealed(String value) {
        return value.startsWith(PREFIX);
    }

    /**
     * The value sealed with the current key, for the re-encryption after a rotation: a value already under it is
     * answered as it is, a value in clear (stored before encryption began) is sealed.
     */
    public String reseal(String sealed, String context) {
        if (!isSealed(sealed)) {
            return seal(sealed, context);
        }
        return keyIdOf(sealed).equals(keys.current().id()) ? sealed : seal(open(sealed, context), context);
    }

    private String seal(String clear, String context, DataKey key) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            byte[] bytes = clear.getBytes(StandardCharsets.UTF_8);
            byte[] sealed = crypt(Cipher.ENCRYPT_MODE, key, nonce, context, bytes, 0, bytes.length);
            byte[] payload = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
            return PREFIX + key.id() + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(key.algorithm() + " is not available: " + e.getMessage(), e);
        }
    }

    /**
     * Encrypts or decrypts one value with an idle cipher of the key's algorithm, set up for it (its key, the value's own
     * nonce, the field's context); the cipher goes back to the idle ones only when its use went well.
     */
    private byte[] crypt(int mode, DataKey key, byte[] nonceSource, String context, byte[] input, int offset,
            int length) throws GeneralSecurityException {
        Instances<Cipher> idle = ciphers.get(key.algorithm());
        Cipher cipher = idle.take();
        byte[] output = init(cipher, mode, key, nonceSource, context).doFinal(input, offset, length);
        idle.back(cipher);
        return output;
    }

    private static Cipher init(Cipher cipher, int mode, DataKey key, byte[] nonceSource, String context)
            throws GeneralSecurityException {
        CipherAlgorithm algorithm = key.algorithm();
        cipher.init(mode, new SecretKeySpec(key.material(), algorithm.keyAlgorithm()),
                new GCMParameterSpec(TAG_BITS, nonceSource, 0, NONCE_BYTES));
        cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    /**
     * Bouncy Castle, registered on the first SM4 cipher only: building its provider and loading its classes from a
     * signed jar (each checked against the jar's signature) took 430-530 ms of a service's start, in every service,
     * whether or not a key of the deployment is SM4.
     */
    private static final class BouncyCastle {

        private static final String NAME = register();

        static String provider() {
            return NAME;
        }

        private static String register() {
            if (Security.getProvider(BouncyCastleProvider.PROVIDER_NAME) == null) {
                Security.addProvider(new BouncyCastleProvider());
            }
            return BouncyCastleProvider.PROVIDER_NAME;
        }
    }
}
