package org.mtb.stack;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonJavaScript;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.LegacyUUID;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.wire.BsonConstants;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Reads a stored document's BSON from its bytes into the same {@link Document} mongo-java-server's
 * {@code BsonDecoder} makes (the same classes, values and order), without Netty's buffer between: that decoder reads
 * through a {@code ByteBuf}, whose every read checks the buffer's reference count and bounds, builds an array as a
 * document keyed "0", "1", ... before copying it into a list, and makes a new string for every field name.
 *
 * <p>Here an array's keys are skipped, and a field name of ASCII up to {@value #CACHED_NAME_BYTES} bytes is taken from
 * a small table of the names read before (a collection's documents repeat the same few dozen). The table is shared by
 * the server's threads without a lock: a slot holds an immutable string or null, so a race costs at worst a new
 * string, never a wrong one.
 *
 * <p>A profile of the local MongoDB under the submissions benchmark (JFR, 2026-12-06) had a fifth of its command
 * thread decoding stored documents, most of that in Netty's checks and in making strings; {@code StoredBsonTests}
 * holds this reader to the stock decoder's result for documents of every type the server stores.
 */
final class DirectBsonReader {

    static final int CACHED_NAME_BYTES = 32;
    private static final int NAME_SLOTS = 1024;
    private static final String[] NAMES = new String[NAME_SLOTS];
    private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG_BE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private final byte[] bytes;
    private final int limit;
    private int position;

    private DirectBsonReader(byte[] bytes, int offset, int length) {
        this.bytes = bytes;
        this.position = offset;
        this.limit = offset + length;
    }

    /**
     * The document whose BSON is {@code length} bytes of {@code bytes} from {@code offset}.
     *
     * @throws IllegalArgumentException when they are not a BSON document this server stores
     */
    static Document read(byte[] bytes, int offset, int length) {
        if (offset < 0 || length < 0 || offset + length > bytes.length) {
            throw new IllegalArgumentException("No BSON document at " + offset + "+" + length + " of " + bytes.length);
        }
        try {
            return new DirectBsonReader(bytes, offset, length).document();
        } catch (IndexOutOfBoundsException | NegativeArraySizeException truncated) {
            throw new IllegalArgumentException("A BSON document ends early: " + truncated.getMessage(), truncated);
        }
    }

    private Document document() {
        int end = end();
        Document document = new Document();
        while (position < end) {
            byte type = bytes[position++];
            if (type == BsonConstants.TERMINATING_BYTE) {
                return document;
            }
            String name = name();
            if (document.put(name, value(type)) != null) {
                throw new IllegalArgumentException("Document already contains field '" + name + "'");
            }
        }
        throw new IllegalArgumentException("illegal BSON object. Terminating byte not found.");
    }

    private List<Object> array() {
        int end = end();
        List<Object> array = new ArrayList<>();
        while (position < end) {
            byte type = bytes[position++];
            if (type == BsonConstants.TERMINATING_BYTE) {
                return array;
            }
            position = terminator() + 1;
            array.add(value(type));
        }
        throw new IllegalArgumentException("illegal BSON array. Terminating byte not found.");
    }

    /** Reads a document's or an array's length; answers where it ends. */
    private int end() {
        int total = int32();
        int end = position - 4 + total;
        if (total < 5 || end > limit) {
            throw new IllegalArgumentException("Too few bytes to read: " + (limit - position) + ". Expected: "
                    + (total - 4));
        }
        return end;
    }

    private Object value(byte type) {
        return switch (type) {
            case BsonConstants.TYPE_DOUBLE -> Double.valueOf(Double.longBitsToDouble(int64()));
            case BsonConstants.TYPE_UTF8_STRING -> string();
            case BsonConstants.TYPE_EMBEDDED_DOCUMENT -> document();
            case BsonConstants.TYPE_ARRAY -> array();
            case BsonConstants.TYPE_DATA -> binary();
            case BsonConstants.TYPE_UNDEFINED, BsonConstants.TYPE_NULL -> null;
            case BsonConstants.TYPE_OBJECT_ID -> new ObjectId(take(BsonConstants.LENGTH_OBJECTID));
            case BsonConstants.TYPE_BOOLEAN -> bool();
            case BsonConstants.TYPE_UTC_DATETIME -> Instant.ofEpochMilli(int64());
            case BsonConstants.TYPE_REGEX -> new BsonRegularExpression(cString(), cString());
            case BsonConstants.TYPE_INT32 -> Integer.valueOf(int32());
            case BsonConstants.TYPE_TIMESTAMP -> new BsonTimestamp(int64());
            case BsonConstants.TYPE_INT64 -> Long.valueOf(int64());
            case BsonConstants.TYPE_DECIMAL128 -> decimal128();
            case BsonConstants.TYPE_MAX_KEY -> MaxKey.getInstance();
            case BsonConstants.TYPE_MIN_KEY -> MinKey.getInstance();
            case BsonConstants.TYPE_JAVASCRIPT_CODE -> new BsonJavaScript(string());
            default -> throw new IllegalArgumentException("unknown type: 0x" + Integer.toHexString(type));
        };
    }

    private Decimal128 decimal128() {
        long low = int64();
        long high = int64();
        return new Decimal128(low, high);
    }

    private Boolean bool() {
        byte value = bytes[position++];
        return switch (value) {
            case BsonConstants.BOOLEAN_VALUE_FALSE -> Boolean.FALSE;
            case BsonConstants.BOOLEAN_VALUE_TRUE -> Boolean.TRUE;
            default -> throw new IllegalArgumentException("Illegal boolean value:" + value);
        };
    }

    private Object binary() {
        int length = int32();
        byte subtype = bytes[position++];
        switch (subtype) {
            case BsonConstants.BINARY_SUBTYPE_GENERIC, BsonConstants.BINARY_SUBTYPE_USER_DEFINED -> {
                return new BinData(take(length));
            }
            case BsonConstants.BINARY_SUBTYPE_OLD_UUID -> {
                uuidLength(length);
                long most = int64();
                return new LegacyUUID(most, int64());
            }
            case BsonConstants.BINARY_SUBTYPE_UUID -> {
                uuidLength(length);
                long most = (long) LONG_BE.get(bytes, position);
                long least = (long) LONG_BE.get(bytes, position + 8);
                position += 16;
                return new UUID(most, least);
            }
            default -> throw new IllegalArgumentException("Unknown subtype: " + subtype);
        }
    }

    private static void uuidLength(int length) {
        if (length != BsonConstants.LENGTH_UUID) {
            throw new IllegalArgumentException("Illegal length: " + length);
        }
    }

    private String string() {
        int length = int32();
        if (length < 1 || position + length > limit) {
            throw new IllegalArgumentException("Illegal string length: " + length);
        }
        String value = new String(bytes, position, length - 1, StandardCharsets.UTF_8);
        position += length - 1;
        byte trail = bytes[position++];
        if (trail != BsonConstants.STRING_TERMINATION) {
            throw new IllegalArgumentException("Unexpected trailing byte: " + trail);
        }
        return value;
    }

    private String cString() {
        int start = position;
        int end = terminator();
        position = end + 1;
        return new String(bytes, start, end - start, StandardCharsets.UTF_8);
    }

    /** A field name: from the table when it was read before, else a new string, kept there if it is short ASCII. */
    private String name() {
        int start = position;
        int hash = 0;
        boolean ascii = true;
        int at = start;
        for (byte b; (b = bytes[at]) != BsonConstants.STRING_TERMINATION; at++) {
            if (at + 1 >= limit) {
                throw new IllegalArgumentException("string termination not found");
            }
            hash = 31 * hash + b;
            ascii &= b >= 0;
        }
        int length = at - start;
        position = at + 1;
        if (!ascii || length > CACHED_NAME_BYTES) {
            return new String(bytes, start, length, StandardCharsets.UTF_8);
        }
        int slot = (hash ^ (hash >>> 16)) & (NAME_SLOTS - 1);
        String known = NAMES[slot];
        if (known != null && sameAscii(known, start, length)) {
            return known;
        }
        String name = new String(bytes, start, length, StandardCharsets.ISO_8859_1);
        NAMES[slot] = name;
        return name;
    }

    private boolean sameAscii(String known, int start, int length) {
        if (known.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (known.charAt(i) != bytes[start + i]) {
                return false;
            }
        }
        return true;
    }

    /** Where the C string at the position ends (its terminating zero). */
    private int terminator() {
        int at = position;
        while (bytes[at] != BsonConstants.STRING_TERMINATION) {
            if (++at >= limit) {
                throw new IllegalArgumentException("string termination not found");
            }
        }
        return at;
    }

    private byte[] take(int length) {
        if (length < 0 || position + length > limit) {
            throw new IllegalArgumentException("Illegal length: " + length);
        }
        byte[] taken = Arrays.copyOfRange(bytes, position, position + length);
        position += length;
        return taken;
    }

    private int int32() {
        int value = (int) INT_LE.get(bytes, position);
        position += 4;
        return value;
    }

    private long int64() {
        long value = (long) LONG_LE.get(bytes, position);
        position += 8;
        return value;
    }
}
