package org.mtb.support.crypto;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An in-memory key ring for tests. Seed 0 holds the key {@code test-k1} (the bytes 0 to 31) and the index key (the
 * bytes 32 to 63) that sealed the contracts' schema-2 golden fixtures; another seed gives other keys. {@link #rotate()}
 * adds {@code test-k2}, {@code test-k3}, … and makes it current.
 */
public final class TestKeyRing implements KeyRing {

    private final int seed;
    private final Map<String, DataKey> keys = new LinkedHashMap<>();
    private String current;

    public TestKeyRing() {
        this(0);
    }

    public TestKeyRing(int seed) {
        this.seed = seed;
        current = add();
    }

    public synchronized DataKey rotate() {
        current = add();
        return keys.get(current);
    }

    @Override
    public synchronized DataKey current() {
        return keys.get(current);
    }

    @Override
    public synchronized DataKey key(String id) {
        DataKey key = keys.get(id);
        if (key == null) {
            throw new IllegalArgumentException("No key " + id);
        }
        return key;
    }

    @Override
    public byte[] indexKey() {
        return bytes(32 + seed * 101, 32);
    }

    private String add() {
        String id = "test-k" + (keys.size() + 1);
        keys.put(id, new DataKey(id, CipherAlgorithm.AES_256_GCM, bytes(keys.size() * 32 + seed * 101, 32)));
        return id;
    }

    private static byte[] bytes(int from, int count) {
        byte[] bytes = new byte[count];
        for (int i = 0; i < count; i++) {
            bytes[i] = (byte) (from + i);
        }
        return bytes;
    }
}
