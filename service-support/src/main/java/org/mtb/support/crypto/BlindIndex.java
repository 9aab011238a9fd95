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

    private static final int IDLE_MACS = 64;

    private final Instances<Mac> macs;

    public BlindIndex(KeyRing keys) {
        SecretKeySpec key = new SecretKeySpec(keys.indexKey(), "HmacSHA256");
        this.macs = new Instances<>(() -> {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        }, IDLE_MACS);
    }

    /** The index of an ID number: trimmed, with a lower-case check character {@code x} as {@code X}. */
    public String ofIdNumber(String idNumber) {
        return of("idNumber", idNumber.strip().toUpperCase(Locale.ROOT));
    }

    /** The index of a value of a kind ({@code idNumber}, {@code phone}): the kind keeps equal values of two kinds apart. */
    public String of(String kind, String value) {
        try {
            // A MAC keeps its key across uses: doFinal leaves it ready for the next value.
            Mac mac = macs.take();
            mac.update(kind.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            String index = HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
            macs.back(mac);
            return index;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
