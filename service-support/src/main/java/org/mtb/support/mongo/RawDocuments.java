package org.mtb.support.mongo;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.bson.BsonBinarySubType;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.configuration.CodecRegistry;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Document} as the BSON bytes the driver's {@code DocumentCodec} writes for it, written straight into one
 * byte array: the same type for each value, the same order (the {@code _id} first in a document to insert), the same
 * UTF-8 (a lone surrogate as its three bytes, as the driver writes it). The driver copies such a
 * {@link RawBsonDocument} into its command as it is, where it walks a {@code Document} value by value through a codec
 * looked up in its registry for each and a writer that checks its state at each step. The bytes are written by
 * {@link BsonBytes}; {@link StockCodecs} tells whether a registry's codecs are the driver's own.
 *
 * <p>A profile of the stack under the submissions benchmark (JFR, 2026-12-06) had the driver encoding the documents of
 * bulk writes at 37 % of review's CPU samples, 32 % of notification's and 12 % of intake's.
 * {@code RawDocumentsTests} holds these bytes to the driver's over random documents of every type written here.
 *
 * <p>Only the values below are written (those Spring Data's converter and the services' own updates make); for a
 * document holding anything else ({@code UUID}, a {@code BsonValue}, a map with keys that are not strings, a field
 * name with a NUL, old binary, a decimal or an instant BSON cannot hold), and for a registry whose codecs for these
 * types are not the driver's own ({@link #usable}), the callers hand the {@code Document} to the driver as before.
 */
public final class RawDocuments {

    private static final String ID = "_id";
    /** A document to insert: the services' entities take 1-4 KB (an application about 3 KB). */
    private static final int ENTITY_BYTES = 4096;
    /** A query or an update: a few fields. */
    private static final int OPERATION_BYTES = 256;

    private final BsonBytes out;

    private RawDocuments(int capacity) {
        this.out = new BsonBytes(capacity);
    }

    /** The document to insert, {@code _id} first; null if it has no {@code _id} or holds a value not written here. */
    public static @Nullable RawBsonDocument forInsert(Document document) {
        return document.containsKey(ID) ? new RawDocuments(ENTITY_BYTES).encode(document, true) : null;
    }

    /** A query or an update, fields in their order; null if it holds a value not written here. */
    public static @Nullable RawBsonDocument of(Document document) {
        return new RawDocuments(OPERATION_BYTES).encode(document, false);
    }

    /** Whether the driver writes through {@code registry} the bytes written here: its codecs are the stock ones. */
    public static boolean usable(CodecRegistry registry) {
        return StockCodecs.in(registry);
    }

    private @Nullable RawBsonDocument encode(Document document, boolean idFirst) {
        try {
            return document(document, idFirst) ? out.toDocument() : null;
        } catch (ArithmeticException | NumberFormatException beyondBson) {
            // An instant beyond a BSON date, a decimal beyond Decimal128: the driver's codec says why.
            return null;
        }
    }

    private boolean document(Map<?, ?> document, boolean idFirst) {
        int start = out.start();
        if (idFirst && !element(ID, document.get(ID))) {
            return false;
        }
        for (Map.Entry<?, ?> field : document.entrySet()) {
            if (!(field.getKey() instanceof String name)) {
                return false;
            }
            if (!(idFirst && name.equals(ID)) && !element(name, field.getValue())) {
                return false;
            }
        }
        out.end(start);
        return true;
    }

    private boolean array(Iterable<?> values) {
        int start = out.start();
        int index = 0;
        for (Object value : values) {
            int type = out.typeAt();
            out.index(index++);
            if (!typed(type, value)) {
                return false;
            }
        }
        out.end(start);
        return true;
    }

    /** Appends one element: its type, its name, its value; false if the value is not one written here. */
    private boolean element(String name, @Nullable Object value) {
        int type = out.typeAt();
        return out.name(name) && typed(type, value);
    }

    private boolean typed(int type, @Nullable Object value) {
        byte tag = value(value);
        out.type(type, tag);
        return tag != 0;
    }

    /**
     * Appends the value; answers its BSON type, or 0 if it is not one written here. Tested in the order values come
     * most (the services' code runs with the C1 compiler, which calls a pattern switch's type test instead of
     * inlining it).
     */
    private byte value(@Nullable Object value) {
        if (value instanceof String text) {
            out.string(text);
            return 0x02;
        } else if (value == null) {
            return 0x0A;
        } else if (value instanceof Date date) {
            out.int64(date.getTime());
            return 0x09;
        } else if (value instanceof Map<?, ?> document) {
            return document(document, false) ? (byte) 0x03 : 0;
        } else if (value instanceof Iterable<?> values) {
            return array(values) ? (byte) 0x04 : 0;
        } else if (value instanceof Integer number) {
            out.int32(out.reserve(4), number);
            return 0x10;
        } else if (value instanceof Long number) {
            out.int64(number);
            return 0x12;
        } else if (value instanceof Boolean flag) {
            out.put((byte) (flag ? 1 : 0));
            return 0x08;
        } else if (value instanceof Enum<?> constant) {
            out.string(constant.name());
            return 0x02;
        }
        return rarer(value);
    }

    private byte rarer(Object value) {
        if (value instanceof Double number) {
            out.int64(Double.doubleToRawLongBits(number));
            return 0x01;
        } else if (value instanceof Instant instant) {
            out.int64(instant.toEpochMilli());
            return 0x09;
        } else if (value instanceof ObjectId id) {
            out.bytes(id.toByteArray());
            return 0x07;
        } else if (value instanceof Decimal128 decimal) {
            return decimal(decimal);
        } else if (value instanceof BigDecimal decimal) {
            return decimal(new Decimal128(decimal));
        } else if (value instanceof Binary binary) {
            return binary.getType() == BsonBinarySubType.OLD_BINARY.getValue() ? 0
                    : binary(binary.getType(), binary.getData());
        } else if (value instanceof byte[] data) {
            return binary(BsonBinarySubType.BINARY.getValue(), data);
        }
        return 0;
    }

    private byte decimal(Decimal128 decimal) {
        out.int64(decimal.getLow());
        out.int64(decimal.getHigh());
        return 0x13;
    }

    private byte binary(byte subtype, byte[] data) {
        out.int32(out.reserve(4), data.length);
        out.put(subtype);
        out.bytes(data);
        return 0x05;
    }
}
