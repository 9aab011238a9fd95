package org.mtb.stack;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The keys of a unique index ({@link KeyValue}) as H2 stores and orders them. The stock backend gives them H2's
 * generic type, which orders such objects by their Java-serialized bytes and writes them with Java serialization:
 * profiles of the local stack under load showed both in most of the MongoDB server's CPU time. Here keys are ordered
 * by their values as MongoDB orders them, and written as BSON; keys the value order cannot tell apart yet not equal
 * (values MongoDB compares as equal but the index keeps apart) are ordered by their BSON bytes, so equal keys stay
 * the only ties. A key BSON cannot hold (a missing field's placeholder, say) is written with the generic type, behind
 * a tag byte.
 */
final class IndexKeyType extends BasicDataType<KeyValue> {

    static final IndexKeyType INSTANCE = new IndexKeyType();

    private static final Comparator<Object> VALUES = ValueComparator.ascWithoutListHandling();
    private static final byte BSON = 1;
    private static final byte SERIALIZED = 2;
    private static final String VALUES_FIELD = "v";

    private final ObjectDataType serialized = new ObjectDataType();

    private IndexKeyType() {
    }

    @Override
    public int compare(KeyValue left, KeyValue right) {
        int common = Math.min(left.size(), right.size());
        for (int i = 0; i < common; i++) {
            int order = VALUES.compare(left.get(i), right.get(i));
            if (order != 0) {
                return order;
            }
        }
        if (left.size() != right.size()) {
            return Integer.compare(left.size(), right.size());
        }
        return left.equals(right) ? 0 : Arrays.compare(bytes(left), bytes(right));
    }

    @Override
    public void write(WriteBuffer buffer, KeyValue key) {
        byte[] bson = bson(key);
        if (bson == null) {
            buffer.put(SERIALIZED);
            serialized.write(buffer, key);
            return;
        }
        buffer.put(BSON).putVarInt(bson.length).put(bson);
    }

    @Override
    public KeyValue read(ByteBuffer buffer) {
        byte format = buffer.get();
        if (format == SERIALIZED) {
            return (KeyValue) serialized.read(buffer);
        }
        if (format != BSON) {
            throw new IllegalStateException("Unknown index key format " + format + " in the local MongoDB's file");
        }
        int length = DataUtils.readVarInt(buffer);
        int start = buffer.position();
        Document document = BsonDecoder.decodeBson(Unpooled.wrappedBuffer(buffer.slice(start, length)));
        buffer.position(start + length);
        return new KeyValue((List<?>) document.get(VALUES_FIELD));
    }

    @Override
    public int getMemory(KeyValue key) {
        int size = 48;
        for (Object value : key) {
            size += value instanceof String text ? 40 + 2 * text.length() : 24;
        }
        return size;
    }

    @Override
    public KeyValue[] createStorage(int size) {
        return new KeyValue[size];
    }

    /** The key's BSON, or null when BSON cannot hold one of its values. */
    private static byte[] bson(KeyValue key) {
        List<Object> values = new ArrayList<>(key.size());
        key.forEach(values::add);
        ByteBuf bson = Unpooled.buffer(64);
        try {
            BsonEncoder.encodeDocument(new Document(VALUES_FIELD, values), bson);
        } catch (RuntimeException notBson) {
            return null;
        }
        byte[] bytes = new byte[bson.readableBytes()];
        bson.readBytes(bytes);
        return bytes;
    }

    private byte[] bytes(KeyValue key) {
        byte[] bson = bson(key);
        if (bson != null) {
            return bson;
        }
        WriteBuffer buffer = new WriteBuffer();
        serialized.write(buffer, key);
        ByteBuffer written = buffer.getBuffer();
        written.flip();
        byte[] bytes = new byte[written.remaining()];
        written.get(bytes);
        return bytes;
    }
}
