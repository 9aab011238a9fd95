package org.mtb.stack;

import de.bwaldvogel.mongo.backend.AbstractMongoCollection;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;

/**
 * The private steps of mongo-java-server's update that {@link StoredDocumentCollection#updateDocuments} reuses as
 * they are: computing a document's new state from an update ({@code $set}, {@code $inc}, {@code $push}, a
 * replacement...), applying an update's operators one by one, and inserting the document an upsert that matched
 * nothing makes. Reached by method handles, since
 * the server keeps them private; a server version without them fails when the local MongoDB starts, not on an update.
 */
final class StoredDocumentUpdates {

    private static final MethodHandle CALCULATE;
    private static final MethodHandle UPSERT;
    private static final MethodHandle VALIDATE;
    private static final MethodHandle MODIFY;

    static {
        try {
            MethodHandles.Lookup server = MethodHandles.privateLookupIn(AbstractMongoCollection.class,
                    MethodHandles.lookup());
            CALCULATE = server.findVirtual(AbstractMongoCollection.class, "calculateUpdateDocument",
                    MethodType.methodType(Document.class, Document.class, Document.class, ArrayFilters.class,
                            Integer.class, boolean.class));
            UPSERT = server.findVirtual(AbstractMongoCollection.class, "handleUpsert",
                    MethodType.methodType(Document.class, Document.class, Document.class, ArrayFilters.class));
            VALIDATE = server.findStatic(AbstractMongoCollection.class, "validateUpdateQuery",
                    MethodType.methodType(void.class, Document.class));
            MODIFY = server.findVirtual(AbstractMongoCollection.class, "modifyField",
                    MethodType.methodType(void.class, Document.class, String.class, Document.class,
                            ArrayFilters.class, Integer.class, boolean.class));
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

    /**
     * Applies an update of operators only ({@code $set}, {@code $push}...) to {@code document} itself, as the stock
     * update applies it to its copy: the same checks of the update, the same operators in the same order, the same
     * check of the field names after. For a document decoded for this update alone, which nothing else holds.
     */
    @SuppressWarnings("rawtypes")
    static void applyInPlace(AbstractMongoCollection collection, Document document, Document update,
            ArrayFilters arrayFilters, Integer matchPosition) {
        try {
            VALIDATE.invokeExact(update);
            for (String operator : update.keySet()) {
                MODIFY.invokeExact(collection, document, operator, update, arrayFilters, matchPosition, false);
            }
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
        de.bwaldvogel.mongo.backend.Utils.validateFieldNames(document);
    }

    /** A copy of the document's fields that some index reads (the first part of each key's path), as they are now. */
    static Document indexedFields(Document document, List<? extends Index<?>> indexes) {
        Document fields = new Document();
        for (Index<?> index : indexes) {
            for (IndexKey key : index.getKeys()) {
                String path = key.getKey();
                int dot = path.indexOf('.');
                String field = dot < 0 ? path : path.substring(0, dot);
                if (!fields.containsKey(field) && document.containsKey(field)) {
                    fields.put(field, new Document(field, document.get(field)).cloneDeeply().get(field));
                }
            }
        }
        return fields;
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
