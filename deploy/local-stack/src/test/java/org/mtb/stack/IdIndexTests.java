package org.mtb.stack;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code _id} index that finds string and ObjectId ids in the collection's own map ({@link IdIndex}): every kind
 * of id found, refused twice, removed and added again, across restarts, and an index written by the earlier version
 * (every id in the index's own map) read after an upgrade.
 */
class IdIndexTests {

    private static final String DATABASE = "mtb_ids";
    private static final String INDEX_MAP = DATABASE + ".ids._index__id_";

    @TempDir
    Path dir;

    private final ObjectId objectId = new ObjectId();
    private final List<Object> ids = List.of("620900-20261206-000001", objectId, 7, 2.5, 1L << 60,
            new Document("region", "659006"));

    @Test
    void findsRefusesRemovesAndAddsAgainEveryKindOfIdAcrossARestart() throws IOException {
        Path file = dir.resolve("ids.mv.db");
        try (EmbeddedMongo mongo = EmbeddedMongo.onDisk(file, 0)) {
            for (Object id : ids) {
                assertThat(insert(mongo.port(), id).get("n")).as("insert %s", id).isEqualTo(1);
            }
            assertEveryIdFoundOnceAndRefusedAgain(mongo.port());
            assertThat(find(mongo.port(), new Document("_id", 7.0))).as("7 and 7.0 are one key").hasSize(1);
            assertThat(errorCode(insert(mongo.port(), 7L))).as("7L is 7").isEqualTo(11000);
        }
        assertThat(ownEntries(file)).as("the index's own map holds only what the documents' map cannot find")
                .containsExactlyInAnyOrder(7.0, 2.5, (double) (1L << 60), new Document("region", "659006"));
        try (EmbeddedMongo mongo = EmbeddedMongo.onDisk(file, 0)) {
            assertEveryIdFoundOnceAndRefusedAgain(mongo.port());
            for (Object id : ids) {
                assertThat(delete(mongo.port(), id).get("n")).as("delete %s", id).isEqualTo(1);
                assertThat(find(mongo.port(), new Document("_id", id))).as("%s after its removal", id).isEmpty();
                assertThat(insert(mongo.port(), id).get("n")).as("%s added again", id).isEqualTo(1);
            }
            assertEveryIdFoundOnceAndRefusedAgain(mongo.port());
            assertThat(count(mongo.port())).isEqualTo(ids.size());
        }
    }

    @Test
    void readsAnIndexTheEarlierVersionWroteWithEveryIdInItsOwnMap() throws IOException {
        Path file = dir.resolve("upgraded.mv.db");
        try (EmbeddedMongo mongo = EmbeddedMongo.onDisk(file, 0)) {
            for (Object id : ids) {
                insert(mongo.port(), id);
            }
        }
        MVStore store = MVStore.open(file.toString());
        try {
            MVMap<StoredKey, Object> index = store.openMap(INDEX_MAP, indexKeys());
            index.put(new StoredKey(new KeyValue("620900-20261206-000001")), "620900-20261206-000001");
            index.put(new StoredKey(new KeyValue(objectId)), objectId);
            store.openMap(OrderedKeysDatabase.ID_INDEX_FORMAT_MAP).remove(INDEX_MAP);
        } finally {
            store.close();
        }

        try (EmbeddedMongo mongo = EmbeddedMongo.onDisk(file, 0)) {
            assertEveryIdFoundOnceAndRefusedAgain(mongo.port());
            assertThat(find(mongo.port(), new Document("_id", new Document("$regex", "^620900-"))))
                    .as("a query the index answers by reading every key").hasSize(1);
            assertThat(delete(mongo.port(), "620900-20261206-000001").get("n")).isEqualTo(1);
            assertThat(insert(mongo.port(), "620900-20261206-000001").get("n")).isEqualTo(1);
        }
        assertThat(ownEntries(file)).as("the earlier version's entries dropped once")
                .containsExactlyInAnyOrder(7.0, 2.5, (double) (1L << 60), new Document("region", "659006"));
    }

    private void assertEveryIdFoundOnceAndRefusedAgain(int port) throws IOException {
        for (Object id : ids) {
            assertThat(find(port, new Document("_id", id))).as("find %s", id)
                    .containsExactly(new Document("_id", id).append("kind", id.getClass().getSimpleName()));
            assertThat(errorCode(insert(port, id))).as("%s again", id).isEqualTo(11000);
        }
        assertThat(find(port, new Document("_id", new Document("$in", List.of("620900-20261206-000001", objectId,
                7, "absent"))))).hasSize(3);
    }

    private static List<Object> ownEntries(Path file) {
        MVStore store = MVStore.open(file.toString());
        try {
            List<Object> keys = new ArrayList<>();
            store.openMap(INDEX_MAP, indexKeys()).keySet().forEach(key -> keys.add(key.key().get(0)));
            return keys;
        } finally {
            store.close();
        }
    }

    private static MVMap.Builder<StoredKey, Object> indexKeys() {
        return new MVMap.Builder<StoredKey, Object>().keyType(StoredKey.Type.INSTANCE)
                .valueType(DocumentIdType.INSTANCE);
    }

    private static Document insert(int port, Object id) throws IOException {
        return MongoWire.command(port, DATABASE, new Document("insert", "ids").append("documents",
                List.of(new Document("_id", id).append("kind", id.getClass().getSimpleName()))));
    }

    private static Document delete(int port, Object id) throws IOException {
        return MongoWire.command(port, DATABASE, new Document("delete", "ids").append("deletes",
                List.of(new Document("q", new Document("_id", id)).append("limit", 1))));
    }

    private static List<Object> find(int port, Document filter) throws IOException {
        return MongoWire.firstBatch(MongoWire.command(port, DATABASE, new Document("find", "ids")
                .append("filter", filter)));
    }

    private static long count(int port) throws IOException {
        return ((Number) MongoWire.command(port, DATABASE, new Document("count", "ids")).get("n")).longValue();
    }

    private static int errorCode(Document reply) {
        List<?> errors = (List<?>) reply.get("writeErrors");
        assertThat(errors).as("write errors in %s", reply).isNotNull().hasSize(1);
        return ((Number) ((Document) errors.getFirst()).get("code")).intValue();
    }
}
