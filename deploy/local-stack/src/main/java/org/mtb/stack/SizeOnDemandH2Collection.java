package org.mtb.stack;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.oplog.Oplog;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.h2.mvstore.MVMap;

/**
 * The stock H2 collection, except that it measures its data size when asked ({@code collStats}, {@code dbStats},
 * {@code validate}) instead of on every write. The stock collection encoded a document to BSON once per insert and
 * removal and twice per update only to keep a running total, and stored that total again in its meta map with every
 * write: a profile of the local stack at 500 applications/s found one tenth of the server's CPU there. No service reads
 * the size; an operator's {@code collStats} now costs one pass over the collection.
 *
 * <p>It also answers a query that names a document's {@code _id} and more ({@code {_id: x, version: 3}},
 * {@code {_id: x, "applicant.phone": <old value>}}) from the {@code _id} index, matching the rest of the query on the
 * document found. The stock server uses an index only for a query of exactly the index's fields and read every
 * document otherwise: each of the re-encryption's conditional updates read a whole collection (half a second with
 * 100,000 review cases), and the SLA timers due meanwhile fired seconds late (benchmarks/README.md).
 *
 * <p>An update changes a copy of the stored document, which then takes the stored one's place. The stock collection
 * changed the stored document itself, the same object an earlier query had handed to the wire encoder: under load a
 * reply being encoded on one thread while an update changed one of its documents on another failed with a
 * {@link java.util.ConcurrentModificationException}, the server closed the connection, and the services' requests on
 * it failed. A document once stored is now never changed, so a reply or an open cursor holds what it read. The copy
 * is of the top level only: the stock update puts new values, built from deep copies, into the document's top level,
 * and changes no nested value in place.
 */
final class SizeOnDemandH2Collection extends H2Collection {

    private static final String ID = "_id";

    /** Queries answered by reading every document of a collection, in this server; for tests. */
    static final AtomicLong WHOLE_COLLECTION_READS = new AtomicLong();

    /** Set while this thread updates documents of this collection: the documents read for it are copies. */
    private final ThreadLocal<Boolean> updating = ThreadLocal.withInitial(() -> Boolean.FALSE);

    SizeOnDemandH2Collection(MongoDatabase database, String collectionName, CollectionOptions options,
            MVMap<Object, Document> data, MVMap<String, Object> meta, CursorRegistry cursors) {
        super(database, collectionName, options, data, meta, cursors);
    }

    @Override
    public synchronized Document updateDocuments(Document selector, Document updateQuery, ArrayFilters arrayFilters,
            boolean isMulti, boolean isUpsert, Oplog oplog) {
        updating.set(Boolean.TRUE);
        try {
            return super.updateDocuments(selector, updateQuery, arrayFilters, isMulti, isUpsert, oplog);
        } finally {
            updating.remove();
        }
    }

    @Override
    public synchronized Document findAndModify(Document query) {
        updating.set(Boolean.TRUE);
        try {
            return super.findAndModify(query);
        } finally {
            updating.remove();
        }
    }

    @Override
    protected Document getDocument(Object position) {
        Document stored = super.getDocument(position);
        return stored != null && updating.get() ? stored.clone() : stored;
    }

    @Override
    protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int numberToReturn,
            int batchSize, Document fieldSelector) {
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
        if (updating.get()) {
            // Only the documents the update will change are copied, not every one it reads.
            Stream<DocumentWithPosition<Object>> all = streamAllDocumentsWithPosition();
            if (isNaturalDescending(orderBy)) {
                all = all.sorted((a, b) -> ValueComparator.desc().compare(a.getPosition(), b.getPosition()));
            }
            return matchDocumentsFromStream(all.map(DocumentWithPosition::getDocument)
                    .filter(document -> documentMatchesQuery(document, query)).map(Document::clone),
                    query, orderBy, numberToSkip, numberToReturn, batchSize, fieldSelector);
        }
        return super.matchDocuments(query, orderBy, numberToSkip, numberToReturn, batchSize, fieldSelector);
    }

    private static boolean isIdIndex(Index<Object> index) {
        return index.isUnique() && index.getKeys().size() == 1
                && index.getKeys().stream().map(IndexKey::getKey).allMatch(ID::equals);
    }

    @Override
    protected boolean tracksDataSize() {
        return false;
    }

    @Override
    protected int getDataSize() {
        long size = streamAllDocumentsWithPosition().mapToLong(d -> bsonSize(d.getDocument())).sum();
        return (int) Math.min(Integer.MAX_VALUE, size);
    }

    private static int bsonSize(Document document) {
        byte[] bson = TaggedBson.encode(document);
        return bson == null ? 0 : bson.length;
    }
}
