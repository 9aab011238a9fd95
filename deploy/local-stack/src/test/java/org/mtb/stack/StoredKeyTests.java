package org.mtb.stack;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class StoredKeyTests {

    private static final StoredKey.Type TYPE = StoredKey.Type.INSTANCE;

    @Test
    void writesWhatTheIndexKeyTypeWritesAndReadsTheSameKeyBack() {
        KeyValue key = new KeyValue("659006-20261130-000001", 3L);

        ByteBuffer written = StoredForm.of(TYPE, new StoredKey(key));

        assertThat(written).isEqualTo(StoredForm.of(IndexKeyType.INSTANCE, key));
        StoredKey read = TYPE.read(written);
        assertThat(written.remaining()).isZero();
        assertThat(read.key()).isEqualTo(key);
        assertThat(StoredForm.of(TYPE, read)).as("written again from the bytes it was read from")
                .isEqualTo(StoredForm.of(IndexKeyType.INSTANCE, key));
    }

    @Test
    void readsOneKeyOfAPageAndLeavesTheBufferAtTheNext() {
        KeyValue generic = new KeyValue("a", Missing.getInstance());
        ByteBuffer page = ByteBuffer.allocate(4096);
        page.put(StoredForm.of(TYPE, new StoredKey(generic))).put(StoredForm.of(TYPE, new StoredKey(new KeyValue("b"))))
                .flip();

        StoredKey first = TYPE.read(page);
        StoredKey second = TYPE.read(page);

        assertThat(TYPE.compare(first, new StoredKey(generic))).isZero();
        assertThat(second.key()).isEqualTo(new KeyValue("b"));
        assertThat(page.remaining()).isZero();
    }

    @Test
    void ordersAsTheIndexKeyTypeOrders() {
        KeyValue[] keys = {new KeyValue("a", 1), new KeyValue("a", 2), new KeyValue("b"), new KeyValue(2),
            new KeyValue(10L), new KeyValue(1), new KeyValue(1L), new KeyValue("a"), new KeyValue("b", "c"),
            new KeyValue("b", Missing.getInstance()), new KeyValue("门诊"), new KeyValue(1, "a"),
            new KeyValue("659006-20261202-000001"), new KeyValue("659006-20261202-000010")};
        for (KeyValue left : keys) {
            for (KeyValue right : keys) {
                assertThat(Integer.signum(TYPE.compare(new StoredKey(left), new StoredKey(right))))
                        .as("%s against %s", left, right)
                        .isEqualTo(Integer.signum(IndexKeyType.INSTANCE.compare(left, right)));
            }
        }
    }
}
