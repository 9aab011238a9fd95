package org.mtb.stack;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class IndexKeyTypeTests {

    @Test
    void writesAKeyAsBsonAndReadsItBack() {
        KeyValue key = new KeyValue("659006-20261130-000001", 3L);

        ByteBuffer stored = StoredForm.of(IndexKeyType.INSTANCE, key);

        assertThat(stored.get(0)).as("format tag").isEqualTo((byte) 1);
        assertThat(IndexKeyType.INSTANCE.read(stored)).isEqualTo(key);
        assertThat(stored.remaining()).isZero();
    }

    @Test
    void keepsAKeyBsonCannotHoldWithTheGenericType() {
        KeyValue key = new KeyValue("a", Missing.getInstance());

        ByteBuffer stored = StoredForm.of(IndexKeyType.INSTANCE, key);

        assertThat(stored.get(0)).as("format tag").isEqualTo((byte) 2);
        // Read back as an equal key in the index's order (Missing is a singleton Java serialization copies).
        KeyValue read = IndexKeyType.INSTANCE.read(stored);
        assertThat(read.get(0)).isEqualTo("a");
        assertThat(IndexKeyType.INSTANCE.compare(read, key)).isZero();
    }

    @Test
    void ordersKeysByTheirValuesAndTiesOnlyEqualOnes() {
        IndexKeyType type = IndexKeyType.INSTANCE;

        assertThat(type.compare(new KeyValue("a", 1), new KeyValue("a", 2))).isNegative();
        assertThat(type.compare(new KeyValue("b"), new KeyValue("a", 2))).isPositive();
        assertThat(type.compare(new KeyValue(2), new KeyValue(10L))).isNegative();
        assertThat(type.compare(new KeyValue("x", 1), new KeyValue("x", 1))).isZero();
        // MongoDB compares 1 and 1L as equal; the index keeps them apart, in a fixed order.
        int intFirst = type.compare(new KeyValue(1), new KeyValue(1L));
        assertThat(intFirst).isNotZero().isEqualTo(-type.compare(new KeyValue(1L), new KeyValue(1)));
    }

    @Test
    void ordersStringsExactlyAsMongoDbsComparatorDoes() {
        // The files written before strings had a path of their own were ordered by the comparator: the order must
        // not change under them.
        java.util.Comparator<Object> mongo = de.bwaldvogel.mongo.backend.ValueComparator.ascWithoutListHandling();
        java.util.List<String> values = java.util.List.of("", "a", "B", "b", "ab", "a\u0000", "659006-20261130-000001",
                "659006-20261130-000010", "酒泉", "酒泉市", "\uD83D\uDE00", "\uFFFD", "Z", "z", "0", "10", "9");
        for (String left : values) {
            for (String right : values) {
                assertThat(Integer.signum(IndexKeyType.INSTANCE.compare(new KeyValue(left, 1), new KeyValue(right, 1))))
                        .as("%s against %s", left, right).isEqualTo(Integer.signum(mongo.compare(left, right)));
            }
        }
    }
}
