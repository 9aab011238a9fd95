package org.mtb.stack;

import de.bwaldvogel.mongo.backend.KeyValue;
import java.nio.ByteBuffer;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * A unique index's key as the local MongoDB keeps it in H2: the key, ordered by its values ({@link IndexKeyType}),
 * and its stored form, made when it is first written and kept. H2 writes a changed page whole, and an index page holds
 * a hundred keys or more: when each write of a page encoded every key again, a profile of the stack under load found
 * three tenths of H2's serialization thread encoding keys that had not changed. A key read back from the file keeps
 * the bytes it was read from. The form is the one {@link IndexKeyType} writes, so an existing data directory is read
 * as it is.
 */
final class StoredKey {

    private final KeyValue key;
    /** Written by whichever thread first needs it; any two forms of one key are equal. */
    private volatile byte[] form;

    StoredKey(KeyValue key) {
        this(key, null);
    }

    private StoredKey(KeyValue key, byte[] form) {
        this.key = key;
        this.form = form;
    }

    KeyValue key() {
        return key;
    }

    private byte[] form() {
        byte[] known = form;
        if (known == null) {
            known = IndexKeyType.form(key);
            form = known;
        }
        return known;
    }

    /** How H2 orders, writes, reads and sizes the keys of a unique index. */
    static final class Type extends BasicDataType<StoredKey> {

        static final Type INSTANCE = new Type();
        /** A key's form is about as large as the key's values; H2 asks for the size before the form is made. */
        private static final int FORM_ESTIMATE = 64;

        private Type() {
        }

        @Override
        public int compare(StoredKey left, StoredKey right) {
            return IndexKeyType.INSTANCE.compare(left.key, right.key);
        }

        @Override
        public void write(WriteBuffer buffer, StoredKey key) {
            buffer.put(key.form());
        }

        @Override
        public StoredKey read(ByteBuffer buffer) {
            byte[] form = TaggedBson.readForm(buffer);
            return new StoredKey(IndexKeyType.INSTANCE.read(ByteBuffer.wrap(form)), form);
        }

        @Override
        public int getMemory(StoredKey key) {
            return 32 + FORM_ESTIMATE + IndexKeyType.INSTANCE.getMemory(key.key);
        }

        @Override
        public StoredKey[] createStorage(int size) {
            return new StoredKey[size];
        }
    }
}
