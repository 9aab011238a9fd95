package org.mtb.stack;

import de.bwaldvogel.mongo.bson.Document;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.jspecify.annotations.Nullable;

/**
 * A range of string {@code _id}s a query names ({@code {_id: {$gte: "a", $lt: "b"}}}), walked in the order H2 keeps a
 * collection's documents: strings compare as {@link String#compareTo} there, as MongoDB compares ASCII strings, and
 * lie together among the ids of other types. A range compares strings only (MongoDB's comparisons keep to one type),
 * so the walk starts at the lower bound or the first string and ends at the upper bound or the first id that is not a
 * string. It yields the documents' positions (their ids) that may match; the query is matched on each document found.
 *
 * @param from the lower bound; null for none
 * @param to the upper bound; null for none
 */
record IdRange(@Nullable String from, boolean fromInclusive, @Nullable String to, boolean toInclusive) {

    /** The range an {@code _id} condition names, or null when it is anything else than string bounds. */
    static @Nullable IdRange of(@Nullable Object condition) {
        if (!(condition instanceof Document operators) || operators.isEmpty()) {
            return null;
        }
        String from = null;
        String to = null;
        boolean fromInclusive = false;
        boolean toInclusive = false;
        for (Map.Entry<String, Object> operator : operators.entrySet()) {
            if (!(operator.getValue() instanceof String bound)) {
                return null;
            }
            switch (operator.getKey()) {
                case "$gt", "$gte" -> {
                    if (from != null) {
                        return null;
                    }
                    from = bound;
                    fromInclusive = operator.getKey().equals("$gte");
                }
                case "$lt", "$lte" -> {
                    if (to != null) {
                        return null;
                    }
                    to = bound;
                    toInclusive = operator.getKey().equals("$lte");
                }
                default -> {
                    return null;
                }
            }
        }
        return new IdRange(from, fromInclusive, to, toInclusive);
    }

    /** The ids of the documents in the range, from the lower bound up, read as the walk goes on. */
    Iterable<Object> positions(MVMap<Object, ?> documents) {
        return () -> new Iterator<>() {
            private final Cursor<Object, ?> cursor = documents.cursor(from == null ? "" : from);
            private @Nullable Object next = advance();

            private @Nullable Object advance() {
                while (cursor.hasNext()) {
                    Object key = cursor.next();
                    if (!(key instanceof String id)) {
                        return null;
                    }
                    if (from != null && !fromInclusive && id.equals(from)) {
                        continue;
                    }
                    int toEnd = to == null ? -1 : id.compareTo(to);
                    return toEnd < 0 || (toEnd == 0 && toInclusive) ? id : null;
                }
                return null;
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public Object next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                Object current = next;
                next = advance();
                return current;
            }
        };
    }
}
