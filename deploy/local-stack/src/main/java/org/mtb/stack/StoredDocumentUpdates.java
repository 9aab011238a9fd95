package org.mtb.stack;

import de.bwaldvogel.mongo.backend.AbstractMongoCollection;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.bson.Document;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The two private steps of mongo-java-server's update that {@link StoredDocumentCollection#updateDocuments} reuses as
 * they are: computing a document's new state from an update ({@code $set}, {@code $inc}, {@code $push}, a
 * replacement...), and inserting the document an upsert that matched nothing makes. Reached by method handles, since
 * the server keeps them private; a server version without them fails when the local MongoDB starts, not on an update.
 */
final class StoredDocumentUpdates {

    private static final MethodHandle CALCULATE;
    private static final MethodHandle UPSERT;

    static {
        try {
            MethodHandles.Lookup server = MethodHandles.privateLookupIn(AbstractMongoCollection.class,
                    MethodHandles.lookup());
            CALCULATE = server.findVirtual(AbstractMongoCollection.class, "calculateUpdateDocument",
                    MethodType.methodType(Document.class, Document.class, Document.class, ArrayFilters.class,
                            Integer.class, boolean.class));
            UPSERT = server.findVirtual(AbstractMongoCollection.class, "handleUpsert",
                    MethodType.methodType(Document.class, Document.class, Document.class, ArrayFilters.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private StoredDocumentUpdates() {
    }

    /** The document as the update leaves it, a new object; {@code document} itself is not changed. */
    @SuppressWarnings("rawtypes")
    static Document updated(AbstractMongoCollection collection, Document document, Document update,
            ArrayFilters arrayFilters, Integer matchPosition) {
        try {
            return (Document) CALCULATE.invokeExact(collection, document, update, arrayFilters, matchPosition, false);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** Inserts the document an upsert makes from its selector and update; answers it. */
    @SuppressWarnings("rawtypes")
    static Document upsert(AbstractMongoCollection collection, Document update, Document selector,
            ArrayFilters arrayFilters) {
        try {
            return (Document) UPSERT.invokeExact(collection, update, selector, arrayFilters);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
