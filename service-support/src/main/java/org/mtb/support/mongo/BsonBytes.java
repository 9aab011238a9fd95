package org.mtb.support.mongo;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.RawBsonDocument;

/**
 * The bytes {@link RawDocuments} writes, in one array it grows: little-endian numbers, UTF-8 as the driver's output
 * writes it, names with their NUL. Not for threads to share.
 */
final class BsonBytes {

    /** An array's keys "0" to "999" as BSON names with their NUL. */
    private static final byte[][] INDEX_NAMES = new byte[1000][];
    private static final int NAMES_KEPT = 4096;
    /** Field names met, encoded with their NUL; only names without a NUL are kept. */
    private static final Map<String, byte[]> NAMES = new ConcurrentHashMap<>();

    static {
        for (int i = 0; i < INDEX_NAMES.length; i++) {
            INDEX_NAMES[i] = (i + "\0").getBytes(StandardCharsets.US_ASCII);
        }
    }

    private byte[] bytes;
    private int size;

    /** @param capacity the bytes expected, so that a document is seldom copied into a larger array as it grows */
    BsonBytes(int capacity) {
        this.bytes = new byte[capacity];
    }

    RawBsonDocument toDocument() {
        return new RawBsonDocument(bytes, 0, size);
    }

    /** Makes room for a document's or an array's length; answers where it goes, for {@link #end}. */
    int start() {
        return reserve(4);
    }

    /** Closes the document or array begun at {@code start}: its NUL, then its length. */
    void end(int start) {
        put((byte) 0);
        int32(start, size - start);
    }

    /** Makes room for an element's type; answers where it goes, for {@link #type}. */
    int typeAt() {
        return reserve(1);
    }

    void type(int at, byte type) {
        bytes[at] = type;
    }

    /** An array element's name, its index. */
    void index(int index) {
        if (index < INDEX_NAMES.length) {
            bytes(INDEX_NAMES[index]);
        } else {
            utf8(Integer.toString(index), true);
            put((byte) 0);
        }
    }

    /**
     * A field name: its UTF-8 and a NUL; false if it holds a NUL, which the driver refuses. The services' documents
     * have few names: the first {@value #NAMES_KEPT} met are kept encoded.
     */
    boolean name(String name) {
        byte[] known = NAMES.get(name);
        if (known != null) {
            bytes(known);
            return true;
        }
        int from = size;
        if (!utf8(name, true)) {
            return false;
        }
        put((byte) 0);
        if (NAMES.size() < NAMES_KEPT) {
            NAMES.putIfAbsent(name, Arrays.copyOfRange(bytes, from, size));
        }
        return true;
    }

    /** A string value: its length with the NUL, its UTF-8, a NUL. */
    void string(String text) {
        int length = reserve(4);
        utf8(text, false);
        put((byte) 0);
        int32(length, size - length - 4);
    }

    /**
     * Appends the UTF-8 of {@code text} as the driver's output writes it: ASCII byte for byte, then code point by code
     * point, a lone surrogate as its own three bytes (where the JDK's encoder writes '?'). False if {@code name} and a
     * NUL is met.
     */
    private boolean utf8(String text, boolean name) {
        int length = text.length();
        int at = reserve(length);
        byte[] into = bytes;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                size = at + i;
                return utf8From(text, i, name);
            }
            if (c == 0 && name) {
                return false;
            }
            into[at + i] = (byte) c;
        }
        return true;
    }

    private boolean utf8From(String text, int from, boolean name) {
        for (int i = from; i < text.length(); ) {
            int c = Character.codePointAt(text, i);
            if (c == 0 && name) {
                return false;
            } else if (c < 0x80) {
                put((byte) c);
            } else if (c < 0x800) {
                put((byte) (0xc0 + (c >> 6)));
                put((byte) (0x80 + (c & 0x3f)));
            } else if (c < 0x10000) {
                put((byte) (0xe0 + (c >> 12)));
                put((byte) (0x80 + ((c >> 6) & 0x3f)));
                put((byte) (0x80 + (c & 0x3f)));
            } else {
                put((byte) (0xf0 + (c >> 18)));
                put((byte) (0x80 + ((c >> 12) & 0x3f)));
                put((byte) (0x80 + ((c >> 6) & 0x3f)));
                put((byte) (0x80 + (c & 0x3f)));
            }
            i += Character.charCount(c);
        }
        return true;
    }

    void bytes(byte[] data) {
        int at = reserve(data.length);
        System.arraycopy(data, 0, bytes, at, data.length);
    }

    /** Little-endian, byte by byte: a {@code VarHandle} is a call at the C1 compiler the services run with. */
    void int32(int at, int value) {
        byte[] into = bytes;
        into[at] = (byte) value;
        into[at + 1] = (byte) (value >> 8);
        into[at + 2] = (byte) (value >> 16);
        into[at + 3] = (byte) (value >> 24);
    }

    void int64(long value) {
        int at = reserve(8);
        int32(at, (int) value);
        int32(at + 4, (int) (value >> 32));
    }

    void put(byte value) {
        int at = reserve(1);
        bytes[at] = value;
    }

    /** Makes room for {@code length} bytes; answers where they start. */
    int reserve(int length) {
        int at = size;
        if (at + length > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, at + length));
        }
        size = at + length;
        return at;
    }
}
