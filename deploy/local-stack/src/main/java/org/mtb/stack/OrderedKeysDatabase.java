package org.mtb.stack;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.IndexNotFoundException;
import de.bwaldvogel.mongo.exception.MongoServerError;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * A database of {@link OrderedKeysH2Backend}: its collections' documents as BSON, its unique indexes' keys in value
 * order, each rewritten once from an earlier format when first opened; after each command {@code afterCommand} runs
 * (the backend's word to the thread that commits the store's changes, {@link ChangeCommits}).
 */
final class OrderedKeysDatabase extends H2Database {

    static final String KEY_ORDER_MAP = "mtb.index-key-order";
    private static final String KEY_ORDER_VERSION = "bson-value-order-2";
    /** Which collections' document maps hold BSON ({@link StoredDocument}) rather than H2's generic values. */
    static final String DOCUMENT_FORMAT_MAP = "mtb.document-format";
    private static final String DOCUMENT_FORMAT_VERSION = "bson-1";
    /**
     * Which {@code _id} indexes keep string and ObjectId ids in their collection's documents' map only ({@link
     * IdIndex}); an index written before holds every id in its own map, and those entries are dropped once.
     */
    static final String ID_INDEX_FORMAT_MAP = "mtb.id-index-format";
    private static final String ID_INDEX_FORMAT_VERSION = "ids-in-documents-1";
    private static final String DATA_PREFIX = "databases.";
    private static final int ILLEGAL_OPERATION = 20;
    private static final int INVALID_OPTIONS = 72;
    private static final String META_PREFIX = "meta.";

    private static final Field STORE = field();

    private final Runnable afterCommand;

    OrderedKeysDatabase(String databaseName, MVStore store, CursorRegistry cursors, Runnable afterCommand) {
        super(databaseName, store, cursors);
        this.afterCommand = afterCommand;
    }

    /**
     * The stock collection, its documents kept as BSON and its size measured when asked
     * ({@link StoredDocumentCollection}). A collection written by the stock backend is rewritten
     * once when first opened (recorded in {@value #DOCUMENT_FORMAT_MAP}), so an existing data directory keeps
     * working.
     */
    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        MVStore store = store();
        String namespace = getFullCollectionNamespace(collectionName);
        String dataName = DATA_PREFIX + namespace;
        MVMap<String, String> formats = store.openMap(DOCUMENT_FORMAT_MAP);
        if (!DOCUMENT_FORMAT_VERSION.equals(formats.get(dataName))) {
            rewrite(store, dataName, documents(), key -> key, value -> StoredDocument.of((Document) value));
            formats.put(dataName, DOCUMENT_FORMAT_VERSION);
        }
        MVMap<Object, StoredDocument> data = store.openMap(dataName, documents());
        MVMap<String, Object> meta = store.openMap(META_PREFIX + namespace);
        return new StoredDocumentCollection(this, collectionName, options, data, meta, cursorRegistry);
    }

    /**
     * Refused. mongo-java-server's H2 database renames maps under the collection's new name, not its old one: the
     * renamed collection answered until the next restart, then came back empty, its documents left under the old
     * name. No service renames a collection; an operator gets an error instead of a loss.
     */
    @Override
    public void moveCollection(MongoDatabase target, MongoCollection<?> collection, String newName) {
        throw new MongoServerError(ILLEGAL_OPERATION, "IllegalOperation", "The local MongoDB does not rename "
                + "collections: its H2 store would lose the documents of " + collection.getFullName()
                + " at the next restart. Copy them into the new collection instead.");
    }

    /**
     * {@code dropIndexes} by name, key or {@code "*"}, for this collection only. mongo-java-server 1.47 removed the
     * description of every same-named index of the database ({@code system.indexes}, upstream issues 246 and
     * 247): the other collections' indexes stayed live until the next restart and were not reopened after it.
     * Other forms (a list of names, an unknown collection) are left to the stock command.
     */
    @Override
    public Document handleCommand(Channel channel, String command, Document query, DatabaseResolver resolver,
            Oplog oplog) {
        try {
            if ("dropIndexes".equalsIgnoreCase(command) || "deleteIndexes".equalsIgnoreCase(command)) {
                Object index = query.get("index");
                MongoCollection<Object> collection = resolveCollection((String) query.get(command), false);
                if (collection != null && (index instanceof String || index instanceof Document)) {
                    dropIndexes(collection, index);
                    return new Document("ok", 1.0);
                }
            }
            return super.handleCommand(channel, command, query, resolver, oplog);
        } finally {
            afterCommand.run();
        }
    }

    private void dropIndexes(MongoCollection<Object> collection, Object index) {
        Document ofCollection = new Document("ns", collection.getFullName());
        if (!"*".equals(index)) {
            ofCollection.append(index instanceof String ? "name" : "key", index);
        }
        MongoCollection<Object> descriptions = indexes.get();
        List<Document> dropped = new ArrayList<>();
        if (descriptions != null) {
            descriptions.handleQuery(ofCollection).forEach(dropped::add);
        }
        if (dropped.isEmpty() && !"*".equals(index)) {
            throw index instanceof String name ? new IndexNotFoundException("index not found with name [" + name
                    + "]") : new IndexNotFoundException((Document) index);
        }
        for (Document description : dropped) {
            if (isPrimaryKeyIndex((Document) description.get("key"))) {
                if ("*".equals(index)) {
                    continue;
                }
                throw new MongoServerError(INVALID_OPTIONS, "InvalidOptions", "cannot drop _id index");
            }
            String name = (String) description.get("name");
            dropIndex(collection, name);
            descriptions.deleteDocuments(new Document("ns", collection.getFullName()).append("name", name), 1);
        }
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
            boolean sparse) {
        MVStore store = store();
        String mapName = getDatabaseName() + "." + collectionName + "._index_" + indexName;
        MVMap<String, String> orders = store.openMap(KEY_ORDER_MAP);
        if (!KEY_ORDER_VERSION.equals(orders.get(mapName))) {
            rewrite(store, mapName, indexKeys(), key -> new StoredKey((KeyValue) key), position -> position);
            orders.put(mapName, KEY_ORDER_VERSION);
        }
        MVMap<StoredKey, Object> positions = store.openMap(mapName, indexKeys());
        if (StoredDocumentCollection.isIdKey(keys) && !sparse && resolveCollection(collectionName, false)
                instanceof StoredDocumentCollection collection && collection.documentsById() != null) {
            MVMap<String, String> idFormats = store.openMap(ID_INDEX_FORMAT_MAP);
            if (!ID_INDEX_FORMAT_VERSION.equals(idFormats.get(mapName))) {
                IdIndex.dropEntriesOfAnEarlierVersion(positions);
                idFormats.put(mapName, ID_INDEX_FORMAT_VERSION);
            }
            return new IdIndex(positions, collection.documentsById(), indexName, keys);
        }
        return new StoredKeyIndex(positions, indexName, keys, sparse);
    }

    /**
     * Reads a map written in an earlier format (H2's generic types) in stored order, which needs no comparison,
     * and writes it again, under the same name, in the format {@code typed} gives, each key and value as
     * {@code storedKey} and {@code storedValue} make them.
     */
    private static <K, V> void rewrite(MVStore store, String mapName, MVMap.Builder<K, V> typed,
            Function<Object, K> storedKey, Function<Object, V> storedValue) {
        if (!store.hasMap(mapName)) {
            return;
        }
        MVMap<Object, Object> earlier = store.openMap(mapName);
        List<Map.Entry<Object, Object>> entries = new ArrayList<>();
        earlier.entrySet().forEach(e -> entries.add(Map.entry(e.getKey(), e.getValue())));
        store.removeMap(earlier);
        MVMap<K, V> rewritten = store.openMap(mapName, typed);
        entries.forEach(e -> rewritten.put(storedKey.apply(e.getKey()), storedValue.apply(e.getValue())));
    }

    private static MVMap.Builder<Object, StoredDocument> documents() {
        return new MVMap.Builder<Object, StoredDocument>().keyType(DocumentIdType.INSTANCE)
                .valueType(StoredDocument.Type.INSTANCE);
    }

    private static MVMap.Builder<StoredKey, Object> indexKeys() {
        return new MVMap.Builder<StoredKey, Object>().keyType(StoredKey.Type.INSTANCE)
                .valueType(DocumentIdType.INSTANCE);
    }

    private MVStore store() {
        try {
            return (MVStore) STORE.get(this);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot reach the H2 store of " + getDatabaseName(), e);
        }
    }

    private static Field field() {
        try {
            Field store = H2Database.class.getDeclaredField("mvStore");
            store.setAccessible(true);
            return store;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("mongo-java-server's H2Database changed: no field mvStore", e);
        }
    }
}
