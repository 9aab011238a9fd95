package org.mtb.support.security;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A map that keeps the {@code capacity} entries used last, forgetting the least recently used first; safe for
 * concurrent requests. For what a service remembers per caller or per token, whose number has no bound of its own.
 */
final class RecentlyUsed<K, V> {

    private final Map<K, V> entries;

    RecentlyUsed(int capacity) {
        this.entries = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized @Nullable V get(K key) {
        return entries.get(key);
    }

    synchronized void put(K key, V value) {
        entries.put(key, value);
    }

    synchronized V computeIfAbsent(K key, Function<K, V> create) {
        return entries.computeIfAbsent(key, create);
    }

    synchronized void remove(K key) {
        entries.remove(key);
    }

    synchronized int size() {
        return entries.size();
    }
}
