package org.mtb.support.mongo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.query.Update;

/**
 * An {@link Update} of a record entity in stored terms, each value as the converter writes it
 * ({@link RecordDocuments#writeValue}), ready for {@link DirectBulkWrites}. Spring Data's update mapping looks up the
 * entity's metadata for every key and converts every value through it for each update of a bulk; a consumer that
 * writes an update per event paid that for each one (intake's record of review's events: 3 % of its CPU samples under
 * load, JFR 2026-12-06).
 *
 * <p>The keys are kept as they are: for an entity whose property names are its field names (no {@code @Field}
 * renames, the id not named), as the callers' tests check against Spring Data's own {@code UpdateMapper}. An update
 * holding a value not modelled there gets no document ({@link #of} answers null) and goes to Spring Data.
 */
public final class StoredUpdates {

    private static final Object NOT_MODELLED = new Object();

    private StoredUpdates() {
    }

    /** The update's operators with their values stored; null if one of the values is not modelled. */
    public static @Nullable Document of(MongoConverter converter, Update update) {
        Object stored = stored(converter, update.getUpdateObject());
        return stored instanceof Document document ? document : null;
    }

    /** The value stored, {@code null} kept; {@link #NOT_MODELLED} where it cannot be written here. */
    private static @Nullable Object stored(MongoConverter converter, @Nullable Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Map<?, ?> map) {
            Document document = new Document();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                Object stored = stored(converter, entry.getValue());
                if (!(entry.getKey() instanceof String key) || stored == NOT_MODELLED) {
                    return NOT_MODELLED;
                }
                document.put(key, stored);
            }
            return document;
        }
        if (value instanceof Collection<?> values) {
            List<@Nullable Object> list = new ArrayList<>(values.size());
            for (Object each : values) {
                Object stored = stored(converter, each);
                if (stored == NOT_MODELLED) {
                    return NOT_MODELLED;
                }
                list.add(stored);
            }
            return list;
        }
        Object written = RecordDocuments.writeValue(converter, value);
        return written == null ? NOT_MODELLED : written;
    }

}
