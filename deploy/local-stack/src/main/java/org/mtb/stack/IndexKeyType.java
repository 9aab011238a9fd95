package org.mtb.stack;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

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
    private static final String VALUES_FIELD = "v";

    private IndexKeyType() {
    }

    @Override
    public int compare(KeyValue left, KeyValue right) {
        int common = Math.min(left.size(), right.size());
        for (int i = 0; i < common; i++) {
            Object l = left.get(i);
            Object r = right.get(i);
            // Two strings (most keys: ids, application numbers) compare as MongoDB's comparator would compare them,
            // without its walk through the types; a profile found one tenth of the server's CPU in that walk.
            int order = l instanceof String a && r instanceof String b ? a.compareTo(b) : VALUES.compare(l, r);
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
        buffer.put(form(key));
    }

    @Override
    public KeyValue read(ByteBuffer buffer) {
        Object stored = TaggedBson.read(buffer);
        return stored instanceof Document document ? new KeyValue((List<?>) document.get(VALUES_FIELD))
                : (KeyValue) stored;
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

    /** What {@link #write} writes for the key, as bytes of their own ({@link StoredKey}). */
    static byte[] form(KeyValue key) {
        return TaggedBson.form(document(key), key);
    }

    private static Document document(KeyValue key) {
        List<Object> values = new ArrayList<>(key.size());
        key.forEach(values::add);
        return new Document(VALUES_FIELD, values);
    }

    private static byte[] bytes(KeyValue key) {
        byte[] bson = TaggedBson.encode(document(key));
        return bson != null ? bson : TaggedBson.generic(key);
    }
}
