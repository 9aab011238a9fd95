package org.mtb.stack;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonJavaScript;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.LegacyUUID;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.wire.BsonConstants;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * Writes a document as BSON into a byte array it grows, the same bytes mongo-java-server's {@code BsonEncoder} writes
 * (the same type for each value, the same order, the same UTF-8), without Netty's buffer between and without the copy
 * of every array into a document keyed "0", "1", ... that the stock encoder makes first.
 *
 * <p>Each value's type is the stock encoder's own choice ({@code BsonEncoder.determineType}); a value BSON cannot hold
 * fails there with {@link IllegalArgumentException}, and the writer may be used again: {@link #clear()} starts over.
 * Not for threads to share.
 */
final class DirectBsonWriter {

    private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG_BE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    /** An array's keys "0" to "999" as BSON names, so that an element's key is not a new string. */
    private static final byte[][] INDEX_NAMES = new byte[1000][];

    static {
        for (int i = 0; i < INDEX_NAMES.length; i++) {
            INDEX_NAMES[i] = String.valueOf(i).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        }
    }

    private byte[] bytes;
    private int size;

    DirectBsonWriter(int capacity) {
        this.bytes = new byte[capacity];
    }

    DirectBsonWriter clear() {
        size = 0;
        return this;
    }

    int size() {
        return size;
    }

    int capacity() {
        return bytes.length;
    }

    /** Copies the {@link #size()} bytes written to {@code target} from {@code offset}. */
    void copyTo(byte[] target, int offset) {
        System.arraycopy(bytes, 0, target, offset, size);
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    /** Appends the document's BSON. */
    DirectBsonWriter document(Map<String, ?> document) {
        int start = reserve(4);
        for (Map.Entry<String, ?> field : document.entrySet()) {
            element(field.getKey(), field.getValue());
        }
        terminated(start);
        return this;
    }

    private void array(Collection<?> values) {
        int start = reserve(4);
        int index = 0;
        for (Object value : values) {
            byte type = BsonEncoder.determineType(value);
            put(type);
            if (index < INDEX_NAMES.length) {
                put(INDEX_NAMES[index]);
                put(BsonConstants.STRING_TERMINATION);
            } else {
                cString(String.valueOf(index));
            }
            value(type, value);
            index++;
        }
        terminated(start);
    }

    private void terminated(int start) {
        put(BsonConstants.TERMINATING_BYTE);
        INT_LE.set(bytes, start, size - start);
    }

    private void element(String name, Object value) {
        byte type = BsonEncoder.determineType(value);
        put(type);
        cString(name);
        value(type, value);
    }

    private void value(byte type, Object value) {
        switch (type) {
            case BsonConstants.TYPE_DOUBLE -> int64(Double.doubleToRawLongBits((Double) value));
            case BsonConstants.TYPE_UTF8_STRING -> string(value.toString());
            case BsonConstants.TYPE_EMBEDDED_DOCUMENT -> {
                @SuppressWarnings("unchecked")
                Map<String, ?> map = (Map<String, ?>) value;
                document(map);
            }
            case BsonConstants.TYPE_ARRAY -> array((Collection<?>) value);
            case BsonConstants.TYPE_DATA -> binary(value);
            case BsonConstants.TYPE_OBJECT_ID -> {
                byte[] id = ((ObjectId) value).toByteArray();
                if (id.length != BsonConstants.LENGTH_OBJECTID) {
                    throw new IllegalArgumentException("Illegal ObjectId: " + value);
                }
                put(id);
            }
            case BsonConstants.TYPE_BOOLEAN -> put((Boolean) value ? BsonConstants.BOOLEAN_VALUE_TRUE
                    : BsonConstants.BOOLEAN_VALUE_FALSE);
            case BsonConstants.TYPE_UTC_DATETIME -> int64(((Instant) value).toEpochMilli());
            case BsonConstants.TYPE_REGEX -> {
                BsonRegularExpression pattern = (BsonRegularExpression) value;
                cString(pattern.getPattern());
                cString(pattern.getOptions());
            }
            case BsonConstants.TYPE_INT32 -> int32((Integer) value);
            case BsonConstants.TYPE_TIMESTAMP -> int64(((BsonTimestamp) value).getValue());
            case BsonConstants.TYPE_INT64 -> int64((Long) value);
            case BsonConstants.TYPE_DECIMAL128 -> {
                Decimal128 decimal = (Decimal128) value;
                int64(decimal.getLow());
                int64(decimal.getHigh());
            }
            case BsonConstants.TYPE_JAVASCRIPT_CODE -> string(((BsonJavaScript) value).getCode());
            default -> {
                // MaxKey, MinKey and null have no bytes of their own
            }
        }
    }

    private void binary(Object value) {
        if (value instanceof BinData data) {
            int32(data.getData().length);
            put(BsonConstants.BINARY_SUBTYPE_GENERIC);
            put(data.getData());
        } else if (value instanceof LegacyUUID legacy) {
            int32(BsonConstants.LENGTH_UUID);
            put(BsonConstants.BINARY_SUBTYPE_OLD_UUID);
            int64(legacy.getUuid().getMostSignificantBits());
            int64(legacy.getUuid().getLeastSignificantBits());
        } else {
            UUID uuid = (UUID) value;
            int32(BsonConstants.LENGTH_UUID);
            put(BsonConstants.BINARY_SUBTYPE_UUID);
            int at = reserve(16);
            LONG_BE.set(bytes, at, uuid.getMostSignificantBits());
            LONG_BE.set(bytes, at + 8, uuid.getLeastSignificantBits());
        }
    }

    private void string(String value) {
        int start = reserve(4);
        utf8(value);
        put(BsonConstants.STRING_TERMINATION);
        INT_LE.set(bytes, start, size - start - 4);
    }

    private void cString(String value) {
        utf8(value);
        put(BsonConstants.STRING_TERMINATION);
    }

    /**
     * The string's UTF-8, as {@code String.getBytes(UTF_8)} makes it: a surrogate without its pair becomes '?'.
     */
    private void utf8(String value) {
        int length = value.length();
        ensure(length * 3);
        byte[] b = bytes;
        int at = size;
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                b[at++] = (byte) c;
            } else if (c < 0x800) {
                b[at++] = (byte) (0xC0 | (c >> 6));
                b[at++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isSurrogate(c)) {
                char low = i + 1 < length ? value.charAt(i + 1) : 0;
                if (Character.isHighSurrogate(c) && Character.isLowSurrogate(low)) {
                    int codePoint = Character.toCodePoint(c, low);
                    b[at++] = (byte) (0xF0 | (codePoint >> 18));
                    b[at++] = (byte) (0x80 | ((codePoint >> 12) & 0x3F));
                    b[at++] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
                    b[at++] = (byte) (0x80 | (codePoint & 0x3F));
                    i++;
                } else {
                    b[at++] = '?';
                }
            } else {
                b[at++] = (byte) (0xE0 | (c >> 12));
                b[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                b[at++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        size = at;
    }

    // reserve() may replace the array: it is called before the array is named.
    private void int32(int value) {
        int at = reserve(4);
        INT_LE.set(bytes, at, value);
    }

    private void int64(long value) {
        int at = reserve(8);
        LONG_LE.set(bytes, at, value);
    }

    private void put(byte value) {
        ensure(1);
        bytes[size++] = value;
    }

    private void put(byte[] values) {
        int at = reserve(values.length);
        System.arraycopy(values, 0, bytes, at, values.length);
    }

    /** Moves past {@code length} bytes to be written; answers where they begin. */
    private int reserve(int length) {
        ensure(length);
        int start = size;
        size += length;
        return start;
    }

    private void ensure(int more) {
        if (bytes.length - size < more) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
