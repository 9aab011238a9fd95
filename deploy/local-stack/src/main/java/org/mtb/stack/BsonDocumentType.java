package org.mtb.stack;

import de.bwaldvogel.mongo.bson.Document;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Map;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * Stores a collection's documents in H2 as BSON, the encoding MongoDB itself uses, instead of H2's generic value type,
 * which writes them with Java serialization: profiles of the local stack under load showed that serialization, and
 * reading it back, in about a third of the MongoDB server's CPU time. A document BSON cannot hold (no such value comes
 * over the wire, but the server's own values are not checked here) is written with the generic type, behind a tag
 * byte, and read back the same way.
 */
final class BsonDocumentType extends BasicDataType<Document> {

    static final BsonDocumentType INSTANCE = new BsonDocumentType();

    private BsonDocumentType() {
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
        TaggedBson.write(buffer, document, document);
    }

    @Override
    public Document read(ByteBuffer buffer) {
        return (Document) TaggedBson.read(buffer);
    }

    /** H2 sizes its caches and pages by this: an estimate from the values, without encoding the document. */
    @Override
    public int getMemory(Document document) {
        return 48 + estimate(document);
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }

    private static int estimate(Object value) {
        if (value instanceof Map<?, ?> map) {
            int size = 32;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                size += 32 + 2 * String.valueOf(entry.getKey()).length() + estimate(entry.getValue());
            }
            return size;
        }
        if (value instanceof Collection<?> values) {
            int size = 24;
            for (Object element : values) {
                size += 8 + estimate(element);
            }
            return size;
        }
        if (value instanceof String text) {
            return 40 + 2 * text.length();
        }
        return 24;
    }
}
