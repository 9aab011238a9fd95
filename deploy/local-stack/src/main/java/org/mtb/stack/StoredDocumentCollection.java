package org.mtb.stack;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DefaultQueryMatcher;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.QueryMatcher;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import de.bwaldvogel.mongo.exception.MongoServerException;
import de.bwaldvogel.mongo.oplog.Oplog;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.h2.mvstore.MVMap;

/**
 * mongo-java-server's H2 collection with its documents kept as BSON ({@link StoredDocument}) instead of as decoded
 * objects. Every method of the stock collection that reads or writes its documents is answered here from that map;
 * the stock collection keeps only its meta map.
 *
 * <p>Besides, it measures its data size when asked ({@code collStats}, {@code dbStats}, {@code validate}) instead of
 * on every write. The stock collection encoded a document to BSON once per insert and removal and twice per update
 * only to keep a running total, and stored that total again in its meta map with every write: a profile of the local
 * stack at 500 applications/s found one tenth of the server's CPU there. No service reads the size; an operator's
 * {@code collStats} now costs one pass over the collection.
 *
 * <p>It also answers a query that names a document's {@code _id} and more ({@code {_id: x, version: 3}},
 * {@code {_id: x, "applicant.phone": <old value>}}) from the {@code _id} index, matching the rest of the query on the
 * document found. The stock server uses an index only for a query of exactly the index's fields and read every
 * document otherwise: each of the re-encryption's conditional updates read a whole collection (half a second with
 * 100,000 review cases), and the SLA timers due meanwhile fired seconds late (benchmarks/README.md). A query whose
 * {@code _id} is a range of strings ({@code {_id: {$lt: "1764800000:"}}}, alone or with more) reads only the documents
 * whose ids lie in it ({@link IdRange}): the removal of expired channel nonces, whose ids begin with their time, read
 * the whole collection of them every minute, with every other command of the platform waiting behind it.
 *
 * <p>An update changes a document decoded for it and stores it again; a document a query handed out is never the
 * stored one. The stock collection changed the stored document itself, the same object an earlier query had handed to
 * the wire encoder: under load a reply being encoded on one thread while an update changed one of its documents on
 * another failed with a {@link java.util.ConcurrentModificationException}, the server closed the connection, and the
 * services' requests on it failed.
 */
final class StoredDocumentCollection extends H2Collection {

    private static final String ID = "_id";

    /** Queries answered by reading every document of a collection, in this server; for tests. */
    static final AtomicLong WHOLE_COLLECTION_READS = new AtomicLong();

    private final MVMap<Object, StoredDocument> documents;
    private final QueryMatcher matcher = new DefaultQueryMatcher();

    @SuppressWarnings({"unchecked", "rawtypes"})
    StoredDocumentCollection(MongoDatabase database, String collectionName, CollectionOptions options,
            MVMap<Object, StoredDocument> documents, MVMap<String, Object> meta, CursorRegistry cursors) {
        // The stock collection is handed the same map; every method of it that would read it is overridden below.
        super(database, collectionName, options, (MVMap) documents, meta, cursors);
        this.documents = documents;
    }

    @Override
    protected Object addDocumentInternal(Document document) {
        Object id = getIdField() != null ? Utils.getSubdocumentValue(document, getIdField()) : UUID.randomUUID();
        StoredDocument previous = documents.put(Missing.ofNullable(id), StoredDocument.of(document));
        if (previous != null) {
            throw new IllegalStateException("A document with the key " + id + " already existed in " + this);
        }
        return id;
    }

    /** The documents' map, keyed by {@code _id} ({@link IdIndex}); null for a collection keyed by another field. */
    MVMap<Object, StoredDocument> documentsById() {
        return ID.equals(getIdField()) ? documents : null;
    }

    @Override
    protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
        documents.put(Missing.ofNullable(position), StoredDocument.of(newDocument));
    }

    @Override
    protected void removeDocument(Object position) {
        if (documents.remove(position) == null) {
            throw new NoSuchElementException("No document with key " + position);
        }
    }

    @Override
    protected Document getDocument(Object position) {
        StoredDocument stored = documents.get(position);
        return stored == null ? null : stored.document();
    }

    @Override
    public int count() {
        return documents.size();
    }

    @Override
    public boolean isEmpty() {
        return documents.isEmpty();
    }

    @Override
    protected Stream<DocumentWithPosition<Object>> streamAllDocumentsWithPosition() {
        return documents.entrySet().stream()
                .map(entry -> new DocumentWithPosition<>(entry.getValue().document(), entry.getKey()));
    }

    @Override
    protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int numberToReturn,
            int batchSize, Document fieldSelector) {
        IdRange range = IdRange.of(query.get(ID));
        if (range != null && ID.equals(getIdField())
                && getIndexes().stream().anyMatch(StoredDocumentCollection::isIdIndex)) {
            return matchDocuments(query, range.positions(documents), orderBy, numberToSkip, numberToReturn, batchSize,
                    fieldSelector);
        }
        if (query.size() > 1 && query.containsKey(ID)) {
            Document byId = new Document(ID, query.get(ID));
            for (Index<Object> index : getIndexes()) {
                if (isIdIndex(index) && index.canHandle(byId)) {
                    return matchDocuments(query, index.getPositions(byId), orderBy, numberToSkip, numberToReturn,
                            batchSize, fieldSelector);
                }
            }
        }
        WHOLE_COLLECTION_READS.incrementAndGet();
        Stream<Map.Entry<Object, StoredDocument>> all = documents.entrySet().stream();
        if (isNaturalDescending(orderBy)) {
            all = all.sorted((a, b) -> ValueComparator.desc().compare(a.getKey(), b.getKey()));
        }
        return matchDocumentsFromStream(all.map(entry -> entry.getValue().document()), query, orderBy, numberToSkip,
                numberToReturn, batchSize, fieldSelector);
    }

    /**
     * The stock update, with the same outcome, without three passes it made over every document it changed: a deep
     * copy of the document to compare against afterwards, a look-up of its position in every index, and a comparison
     * of the whole document before and after. A document read here is decoded for this update alone and its position
     * is its {@code _id}, so the update compares the new state with it directly. A profile of the local MongoDB under
     * the submissions benchmark had a quarter of the update's time in those three (JFR, 2026-12-01). A collection
     * without an {@code _id} field keeps the stock update.
     */
    @Override
    public synchronized Document updateDocuments(Document selector, Document updateQuery, ArrayFilters arrayFilters,
            boolean isMulti, boolean isUpsert, Oplog oplog) {
        if (getIdField() == null) {
            return super.updateDocuments(selector, updateQuery, arrayFilters, isMulti, isUpsert, oplog);
        }
        if (isMulti && updateQuery.keySet().stream().anyMatch(key -> !key.startsWith("$"))) {
            throw new MongoServerError(10158, "multi update only works with $ operators");
        }
        int matched = 0;
        List<Object> updatedIds = new ArrayList<>();
        boolean operatorsOnly = !updateQuery.isEmpty() && updateQuery.keySet().stream().allMatch(k -> k.startsWith("$"));
        for (Document document : queryDocuments(selector, null, 0, 0, 0, null)) {
            Integer matchPosition = matcher.matchPosition(document, selector);
            if (operatorsOnly && isIdFirst(document)) {
                if (updatedInPlace(document, updateQuery, arrayFilters, matchPosition)) {
                    updatedIds.add(document.get(getIdField()));
                }
                matched++;
                if (!isMulti) {
                    break;
                }
                continue;
            }
            Document updated = StoredDocumentUpdates.updated(this, document, updateQuery, arrayFilters, matchPosition);
            if (!updated.equals(document)) {
                if (updated.keySet().stream().anyMatch(key -> key.contains("."))) {
                    throw new MongoServerException(
                            "illegal field name. must not happen as it must be caught by the driver");
                }
                Object position = Missing.ofNullable(document.get(getIdField()));
                for (Index<Object> index : getIndexes()) {
                    index.checkUpdate(document, updated, this);
                }
                for (Index<Object> index : getIndexes()) {
                    index.updateInPlace(document, updated, position, this);
                }
                // As the stock update stores it: the fields kept in their places, new ones after them.
                document.keySet().retainAll(updated.keySet());
                document.putAll(updated);
                handleUpdate(position, document, document);
                updatedIds.add(document.get(getIdField()));
            }
            matched++;
            if (!isMulti) {
                break;
            }
        }
        Document result = new Document();
        if (matched == 0 && isUpsert) {
            Document inserted = StoredDocumentUpdates.upsert(this, updateQuery, selector, arrayFilters);
            result.put("upserted", inserted.get(getIdField()));
            oplog.handleInsert(getFullName(), List.of(inserted));
        } else {
            oplog.handleUpdate(getFullName(), selector, updateQuery, updatedIds);
        }
        result.put("n", Integer.valueOf(matched));
        result.put("nModified", Integer.valueOf(updatedIds.size()));
        return result;
    }

    /**
     * An update of operators applied to the document decoded for it, without the stock update's deep copy of it (a
     * tenth of the command thread under the submissions benchmark, JFR 2026-12-06): the indexes get a copy of the
     * fields they read, and whether anything changed is told by the BSON against what is stored, as MongoDB tells it.
     * Only for a document whose {@code _id} is first, where the stock update stores it. Answers whether it changed.
     */
    private boolean updatedInPlace(Document document, Document update, ArrayFilters arrayFilters,
            Integer matchPosition) {
        Object position = Missing.ofNullable(document.get(getIdField()));
        Document before = StoredDocumentUpdates.indexedFields(document, getIndexes());
        StoredDocumentUpdates.applyInPlace(this, document, update, arrayFilters, matchPosition);
        StoredDocument changed = StoredDocument.of(document);
        StoredDocument stored = documents.get(position);
        if (stored != null && changed.sameAs(stored)) {
            return false;
        }
        if (document.keySet().stream().anyMatch(key -> key.contains("."))) {
            throw new MongoServerException("illegal field name. must not happen as it must be caught by the driver");
        }
        for (Index<Object> index : getIndexes()) {
            index.checkUpdate(before, document, this);
        }
        for (Index<Object> index : getIndexes()) {
            index.updateInPlace(before, document, position, this);
        }
        documents.put(position, changed);
        return true;
    }

    private boolean isIdFirst(Document document) {
        return !document.isEmpty() && document.keySet().iterator().next().equals(getIdField());
    }

    private static boolean isIdIndex(Index<Object> index) {
        return index.isUnique() && isIdKey(index.getKeys());
    }

    /** Whether an index's keys are the {@code _id} alone. */
    static boolean isIdKey(List<IndexKey> keys) {
        return keys.size() == 1 && ID.equals(keys.getFirst().getKey());
    }

    @Override
    protected boolean tracksDataSize() {
        return false;
    }

    @Override
    protected int getDataSize() {
        if (documents == null) {
            return 0; // asked by the stock constructor, for a debug line, before this one has its map
        }
        long size = documents.values().stream().mapToLong(StoredDocument::bsonSize).sum();
        return (int) Math.min(Integer.MAX_VALUE, size);
    }
}
