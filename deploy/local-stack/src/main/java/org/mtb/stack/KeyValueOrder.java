package org.mtb.stack;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import java.util.Comparator;
import org.h2.mvstore.type.ObjectDataType;

/**
 * H2's generic key type, but index keys ({@link KeyValue}) are ordered by their values as MongoDB orders them
 * instead of by their serialized bytes. Keys the value order cannot tell apart yet not equal (rare: values MongoDB
 * compares as equal but the index keeps apart) fall back to H2's own order, so equal keys stay the only ties. The
 * stored format is H2's unchanged.
 */
final class KeyValueOrder extends ObjectDataType {

    private static final Comparator<Object> VALUES = ValueComparator.ascWithoutListHandling();

    @Override
    public int compare(Object a, Object b) {
        if (a instanceof KeyValue left && b instanceof KeyValue right) {
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
            return left.equals(right) ? 0 : super.compare(a, b);
        }
        return super.compare(a, b);
    }
}
