package org.mtb.support.crypto;

/** The authenticated ciphers a key may be for: a 12-byte nonce and a 16-byte tag either way. */
public enum CipherAlgorithm {
    /** The default: AES-256-GCM, from the JDK. */
    AES_256_GCM("AES", "AES/GCM/NoPadding", 32),
    /**
     * SM4-GCM (GB/T 32907), from Bouncy Castle, for a deployment assessed under the commercial cryptography rules
     * (密评).
     */
    SM4_GCM("SM4", "SM4/GCM/NoPadding", 16);

    private final String keyAlgorithm;
    private final String transformation;
    private final int keyBytes;

    CipherAlgorithm(String keyAlgorithm, String transformation, int keyBytes) {
        this.keyAlgorithm = keyAlgorithm;
        this.transformation = transformation;
        this.keyBytes = keyBytes;
    }

    String keyAlgorithm() {
        return keyAlgorithm;
    }

    String transformation() {
        return transformation;
    }

    int keyBytes() {
        return keyBytes;
    }
}
