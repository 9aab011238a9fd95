package org.mtb.stack;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import java.util.AbstractMap;
import java.util.List;
import java.util.Map;
import org.h2.mvstore.MVMap;

/**
 * A unique index of the local MongoDB, its keys kept in H2 with their stored form ({@link StoredKey}). It answers
 * what mongo-java-server's own H2 index answers, from a map of the same name and format.
 */
class StoredKeyIndex extends AbstractUniqueIndex<Object> {

    private final MVMap<StoredKey, Object> positions;

    StoredKeyIndex(MVMap<StoredKey, Object> positions, String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.positions = positions;
    }

    @Override
    protected Object removeDocument(KeyValue key) {
        return positions.remove(new StoredKey(key));
    }

    @Override
    protected boolean putKeyPosition(KeyValue key, Object position) {
        return positions.putIfAbsent(new StoredKey(key), Missing.ofNullable(position)) == null;
    }

    @Override
    protected Object getPosition(KeyValue key) {
        return positions.get(new StoredKey(key));
    }

    @Override
    protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
        return () -> positions.entrySet().stream()
                .<Map.Entry<KeyValue, Object>>map(e -> new AbstractMap.SimpleImmutableEntry<>(e.getKey().key(),
                        e.getValue()))
                .iterator();
    }

    @Override
    public long getCount() {
        return positions.sizeAsLong();
    }

    @Override
    public boolean isEmpty() {
        return positions.isEmpty();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }
}
