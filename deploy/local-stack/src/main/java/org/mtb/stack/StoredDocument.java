package org.mtb.stack;

import de.bwaldvogel.mongo.bson.Document;
import java.nio.ByteBuffer;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * A document as the local MongoDB keeps it in H2: its BSON bytes, encoded once when it is inserted or updated, and
 * decoded into a fresh {@link Document} each time it is read.
 *
 * <p>H2 writes a changed page whole. When the pages held decoded documents, every write of a page encoded each of its
 * documents again, changed or not: a profile of the stack under load found half of the server's CPU time on H2's
 * serialization thread, most of it encoding unchanged neighbours. Kept as bytes, an unchanged document is copied, a
 * page read back from the file is copied without being decoded, H2's 16 MB cache holds about three times as many
 * documents, and the pages waiting to be written are a few byte arrays for the garbage collector instead of graphs
 * of maps and strings.
 *
 * <p>Since every read decodes a new object, what a query handed out (a reply being encoded, an open cursor) is never
 * the object an update changes. The form on disk is the one {@link TaggedBson} has always written, so an existing
 * data directory is read as it is.
 */
final class StoredDocument {

    private final byte[] form;

    private StoredDocument(byte[] form) {
        this.form = form;
    }

    static StoredDocument of(Document document) {
        return new StoredDocument(TaggedBson.form(document, document));
    }

    /** A new object with what is stored: changing it changes nothing stored. */
    Document document() {
        return (Document) TaggedBson.read(form);
    }

    /** Whether {@code other} holds the same bytes: the same document, field by field, value by value, in order. */
    boolean sameAs(StoredDocument other) {
        return java.util.Arrays.equals(form, other.form);
    }

    /** The size of the document's BSON, 0 for one BSON cannot hold ({@code collStats}). */
    int bsonSize() {
        return TaggedBson.bsonSize(form);
    }

    /** How H2 writes, reads and sizes stored documents. */
    static final class Type extends BasicDataType<StoredDocument> {

        static final Type INSTANCE = new Type();

        private Type() {
        }

        @Override
        public void write(WriteBuffer buffer, StoredDocument document) {
            buffer.put(document.form);
        }

        @Override
        public StoredDocument read(ByteBuffer buffer) {
            return new StoredDocument(TaggedBson.readForm(buffer));
        }

        /** H2 sizes its cache and its pages by this: the bytes and the two objects that hold them. */
        @Override
        public int getMemory(StoredDocument document) {
            return 32 + document.form.length;
        }

        @Override
        public StoredDocument[] createStorage(int size) {
            return new StoredDocument[size];
        }
    }
}
