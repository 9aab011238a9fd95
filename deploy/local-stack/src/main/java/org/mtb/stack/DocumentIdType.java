package org.mtb.stack;

import java.nio.ByteBuffer;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * A document's {@code _id} as the local MongoDB keeps it in H2: the key of a collection's documents and the value of
 * its unique indexes. H2's generic type ({@link ObjectDataType}) finds each value's type through a chain of
 * {@code instanceof} tests and a table of types, twice for every comparison of a lookup's binary search and once for
 * every key of every page it writes; every service's ids are strings (application numbers, event and message ids), so
 * strings are compared and written here directly. Anything else (GridFS's object ids, say) is left to H2's type.
 *
 * <p>The order and the bytes are H2's own: a string is written as {@link ObjectDataType} writes it (a tag with the
 * length up to 15 characters, or a tag and the length, then the characters), and two strings compare as H2 compares
 * them ({@link String#compareTo}); strings and other values keep H2's order of types. An existing data directory is
 * therefore read as it is, and one written with this type can be read by the stock backend. JMH's
 * {@code H2KeysBenchmark} ({@code benchmarks}) sets it beside H2's type.
 */
final class DocumentIdType extends BasicDataType<Object> {

    static final DocumentIdType INSTANCE = new DocumentIdType();

    /** H2's tags for a string: {@code TYPE_STRING} followed by the length, or {@code TAG_STRING_0_15} plus it. */
    private static final byte STRING = 11;
    private static final int SHORT_STRING = 88;
    private static final int SHORT_STRING_LENGTH = 15;
    /** H2's estimate of a string's memory, besides two bytes a character. */
    private static final int STRING_MEMORY = 24;

    private DocumentIdType() {
    }

    @Override
    public int compare(Object left, Object right) {
        if (left instanceof String a && right instanceof String b) {
            return a.compareTo(b);
        }
        return H2GenericType.ofThisThread().compare(left, right);
    }

    @Override
    public int binarySearch(Object key, Object storage, int size, int initialGuess) {
        if (!(key instanceof String wanted)) {
            return super.binarySearch(key, storage, size, initialGuess);
        }
        Object[] keys = cast(storage);
        int low = 0;
        int high = size - 1;
        int x = initialGuess - 1;
        if (x < 0 || x > high) {
            x = high >>> 1;
        }
        while (low <= high) {
            Object at = keys[x];
            int compared = at instanceof String held ? wanted.compareTo(held) : compare(wanted, at);
            if (compared > 0) {
                low = x + 1;
            } else if (compared < 0) {
                high = x - 1;
            } else {
                return x;
            }
            x = (low + high) >>> 1;
        }
        return -(low + 1);
    }

    @Override
    public void write(WriteBuffer buffer, Object id) {
        if (id instanceof String text) {
            int length = text.length();
            if (length <= SHORT_STRING_LENGTH) {
                buffer.put((byte) (SHORT_STRING + length));
            } else {
                buffer.put(STRING).putVarInt(length);
            }
            buffer.putStringData(text, length);
        } else {
            H2GenericType.ofThisThread().write(buffer, id);
        }
    }

    @Override
    public Object read(ByteBuffer buffer) {
        int tag = buffer.get(buffer.position());
        if (tag == STRING) {
            buffer.get();
            return DataUtils.readString(buffer, DataUtils.readVarInt(buffer));
        }
        if (tag >= SHORT_STRING && tag <= SHORT_STRING + SHORT_STRING_LENGTH) {
            buffer.get();
            return DataUtils.readString(buffer, tag - SHORT_STRING);
        }
        return H2GenericType.ofThisThread().read(buffer);
    }

    @Override
    public int getMemory(Object id) {
        return id instanceof String text ? STRING_MEMORY + 2 * text.length()
                : H2GenericType.ofThisThread().getMemory(id);
    }

    @Override
    public Object[] createStorage(int size) {
        return new Object[size];
    }
}
