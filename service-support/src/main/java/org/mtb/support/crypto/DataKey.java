package org.mtb.support.crypto;

import java.util.Arrays;

/**
 * One key of a {@link KeyRing}: its id, which every value sealed with it carries, its algorithm, and its bytes.
 *
 * @param id        short and unique within the ring, e.g. {@code k2}; never reused
 * @param algorithm how values are sealed with it
 * @param material  the secret bytes: 32 for AES-256, 16 for SM4
 */
public record DataKey(String id, CipherAlgorithm algorithm, byte[] material) {

    public DataKey {
        if (id.isBlank() || id.contains(":")) {
            throw new IllegalArgumentException("A key id is not blank and holds no ':': '" + id + "'");
        }
        if (material.length != algorithm.keyBytes()) {
            throw new IllegalArgumentException("Key " + id + " has " + material.length + " bytes; " + algorithm
                    + " takes " + algorithm.keyBytes());
        }
        material = material.clone();
    }

    @Override
    public byte[] material() {
        return material.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DataKey key && key.id.equals(id) && key.algorithm == algorithm
                && Arrays.equals(key.material, material);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "DataKey[" + id + ", " + algorithm + "]";
    }
}
