package org.mtb.support.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A keyed index of a personal value, for lookups (the same person's open applications, an account's family) without
 * the clear value: HMAC-SHA256 with the ring's index key of the normalised value. Equal values give equal indexes;
 * without the key an index cannot be computed from a guessed ID number, so a dump of the database does not reveal
 * whom it lists.
 */
public final class BlindIndex {

    private final byte[] key;

    public BlindIndex(KeyRing keys) {
        this.key = keys.indexKey();
    }

    /** The index of an ID number: trimmed, with a lower-case check character {@code x} as {@code X}. */
    public String ofIdNumber(String idNumber) {
        return of("idNumber", idNumber.strip().toUpperCase(Locale.ROOT));
    }

    /** The index of a value of a kind ({@code idNumber}, {@code phone}): the kind keeps equal values of two kinds apart. */
    public String of(String kind, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(kind.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
