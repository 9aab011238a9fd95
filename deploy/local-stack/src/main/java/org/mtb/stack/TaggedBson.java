package org.mtb.stack;

import de.bwaldvogel.mongo.bson.Document;
import java.nio.ByteBuffer;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;

/**
 * The stored form of {@link StoredDocument} and {@link IndexKeyType}: a tag byte, then either the BSON document
 * with its length, or, for a value BSON cannot hold, the original object in H2's generic (Java-serialized) form.
 */
final class TaggedBson {

    private static final byte BSON = 1;
    private static final byte SERIALIZED = 2;
    /**
     * Where a thread encodes, kept between documents: a fresh growing buffer for each made a third of the server's
     * garbage under load. One that grew past {@link #KEPT_BYTES} for a large document is let go.
     */
    private static final ThreadLocal<DirectBsonWriter> SCRATCH = ThreadLocal.withInitial(
            () -> new DirectBsonWriter(16 * 1024));
    private static final int KEPT_BYTES = 1024 * 1024;

    private TaggedBson() {
    }

    /**
     * The stored form of {@code bson}, or of {@code original} with the generic type when BSON cannot hold it: encoded
     * once, then copied into every page that holds it ({@link StoredDocument}, {@link StoredKey}).
     */
    static byte[] form(Document bson, Object original) {
        DirectBsonWriter scratch = SCRATCH.get().clear();
        try {
            scratch.document(bson);
        } catch (RuntimeException notBson) {
            byte[] generic = generic(original);
            byte[] form = new byte[1 + generic.length];
            form[0] = SERIALIZED;
            System.arraycopy(generic, 0, form, 1, generic.length);
            return form;
        } finally {
            if (scratch.capacity() > KEPT_BYTES) {
                SCRATCH.remove();
            }
        }
        int length = scratch.size();
        int lengthBytes = DataUtils.getVarIntLen(length);
        byte[] form = new byte[1 + lengthBytes + length];
        form[0] = BSON;
        DataUtils.writeVarInt(ByteBuffer.wrap(form, 1, lengthBytes), length);
        scratch.copyTo(form, 1 + lengthBytes);
        return form;
    }

    /** The bytes of one form ({@link #form}) at the buffer's position, which moves past them. */
    static byte[] readForm(ByteBuffer buffer) {
        int start = buffer.position();
        byte format = buffer.get();
        if (format == BSON) {
            int length = DataUtils.readVarInt(buffer);
            buffer.position(buffer.position() + length);
        } else if (format == SERIALIZED) {
            H2GenericType.ofThisThread().read(buffer);
        } else {
            throw new IllegalStateException("Unknown stored format " + format + " in the local MongoDB's file");
        }
        byte[] form = new byte[buffer.position() - start];
        buffer.get(start, form);
        return form;
    }

    /** The size of the BSON document in a form {@link #form} made, or 0 for a value BSON cannot hold. */
    static int bsonSize(byte[] form) {
        return form[0] == BSON ? DataUtils.readVarInt(ByteBuffer.wrap(form, 1, form.length - 1)) : 0;
    }

    /** What a form ({@link #form}) holds: the BSON document, or the original object. */
    static Object read(ByteBuffer buffer) {
        byte format = buffer.get();
        if (format == SERIALIZED) {
            return H2GenericType.ofThisThread().read(buffer);
        }
        if (format != BSON) {
            throw new IllegalStateException("Unknown stored format " + format + " in the local MongoDB's file");
        }
        int length = DataUtils.readVarInt(buffer);
        int start = buffer.position();
        Document document;
        if (buffer.hasArray()) {
            document = DirectBsonReader.read(buffer.array(), buffer.arrayOffset() + start, length);
        } else {
            byte[] bson = new byte[length];
            buffer.get(start, bson);
            document = DirectBsonReader.read(bson, 0, length);
        }
        buffer.position(start + length);
        return document;
    }

    /** What a form ({@link #form}) holds, read from the whole array. */
    static Object read(byte[] form) {
        return read(ByteBuffer.wrap(form));
    }

    /** The document's BSON, or null when BSON cannot hold one of its values. */
    static byte[] encode(Document document) {
        try {
            return new DirectBsonWriter(128).document(document).toByteArray();
        } catch (RuntimeException notBson) {
            return null;
        }
    }

    /** The object in H2's generic form, for an order among values BSON cannot hold. */
    static byte[] generic(Object value) {
        WriteBuffer buffer = new WriteBuffer();
        H2GenericType.ofThisThread().write(buffer, value);
        ByteBuffer written = buffer.getBuffer();
        written.flip();
        byte[] bytes = new byte[written.remaining()];
        written.get(bytes);
        return bytes;
    }
}
