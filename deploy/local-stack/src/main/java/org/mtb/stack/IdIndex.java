package org.mtb.stack;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.h2.mvstore.MVMap;

/**
 * The {@code _id} index of a collection of the local MongoDB. The collection keeps its documents in H2 under their
 * {@code _id} ({@link StoredDocumentCollection}), so an id that is a string or an ObjectId, which the index holds as it
 * is, is looked up there: mongo-java-server's index kept a second map from every id to itself, which each insert
 * wrote, each lookup by id read before the document, and each of H2's commits wrote out again (benchmarks/README.md).
 * An id of another type (a number, which the index holds as a double so that 1 and 1.0 are one key; a document; a
 * UUID...) keeps its entry in the index's own map, as {@link StoredKeyIndex} does.
 */
final class IdIndex extends StoredKeyIndex {

    private final MVMap<Object, StoredDocument> documents;

    IdIndex(MVMap<StoredKey, Object> positions, MVMap<Object, StoredDocument> documents, String name,
            List<IndexKey> keys) {
        super(positions, name, keys, false);
        this.documents = documents;
    }

    /** Drops the entries an earlier version kept of ids that the documents' map holds: it kept every id. */
    static void dropEntriesOfAnEarlierVersion(MVMap<StoredKey, Object> positions) {
        List<StoredKey> inDocuments = new ArrayList<>();
        positions.keySet().forEach(key -> {
            if (key.key().size() == 1 && keyOfItsDocument(key.key().get(0))) {
                inDocuments.add(key);
            }
        });
        inDocuments.forEach(positions::remove);
    }

    /** Whether an id, as the index holds it, is the very key of its document in the collection's map. */
    static boolean keyOfItsDocument(Object id) {
        return id instanceof String || id instanceof ObjectId;
    }

    @Override
    protected Object getPosition(KeyValue key) {
        return keyOfItsDocument(key.get(0)) ? storedUnder(key.get(0)) : super.getPosition(key);
    }

    /** Nothing to remove for an id the documents' map holds: the collection removes the document after this. */
    @Override
    protected Object removeDocument(KeyValue key) {
        return keyOfItsDocument(key.get(0)) ? storedUnder(key.get(0)) : super.removeDocument(key);
    }

    /** The id as the position of its document, or null when no document is stored under it. */
    private Object storedUnder(Object id) {
        return documents.containsKey(id) ? id : null;
    }

    /**
     * Adds a document's key after the collection stored it. The stock index checks the key again first, and would
     * find the document just stored under it: an id the documents' map holds was checked before the document was
     * stored ({@code checkAdd}), and the map keeps it unique.
     */
    @Override
    public synchronized void add(Document document, Object position, MongoCollection<Object> collection) {
        Set<KeyValue> keys = getKeyValues(document);
        if (keys.size() == 1 && keyOfItsDocument(keys.iterator().next().get(0))) {
            return;
        }
        super.add(document, position, collection);
    }

    @Override
    protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
        Iterable<Map.Entry<KeyValue, Object>> others = super.getIterable();
        return () -> Stream.concat(documents.keySet().stream().filter(IdIndex::keyOfItsDocument)
                .<Map.Entry<KeyValue, Object>>map(id -> new AbstractMap.SimpleImmutableEntry<>(new KeyValue(id), id)),
                StreamSupport.stream(others.spliterator(), false)).iterator();
    }

    /** Every document has an id, held in the documents' map or in the index's own. */
    @Override
    public long getCount() {
        return documents.sizeAsLong();
    }

    @Override
    public boolean isEmpty() {
        return documents.isEmpty();
    }
}
