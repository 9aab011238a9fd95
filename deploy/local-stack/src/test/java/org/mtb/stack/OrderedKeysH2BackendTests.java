package org.mtb.stack;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrderedKeysH2BackendTests {

    private static final int CASES = 300;

    @TempDir
    Path dir;

    @Test
    void findsEveryDocumentByItsIndexesAndRefusesDuplicatesInAFileTheStockBackendWrote() throws IOException {
        Path file = dir.resolve("mtb.mv.db");
        MongoServer stock = new MongoServer(new H2Backend(file.toString()));
        try {
            stock.bind(EmbeddedMongo.HOST, 0);
            int port = stock.getLocalAddress().getPort();
            writeCases(port, 0, CASES);
        } finally {
            stock.shutdownNow();
        }

        try (EmbeddedMongo mongo = EmbeddedMongo.onDisk(file, 0)) {
            assertEveryCaseFound(mongo.port(), CASES);
            assertThat(errorCode(insert(mongo.port(), caseDocument(17)))).isEqualTo(11000);
            assertThat(errorCode(insert(mongo.port(), new Document("_id", "new").append("number", "N-17")
                    .append("attempt", 17)))).isEqualTo(11000);
            writeCases(mongo.port(), CASES, 2 * CASES);
        }
        try (EmbeddedMongo mongo = EmbeddedMongo.onDisk(file, 0)) {
            assertEveryCaseFound(mongo.port(), 2 * CASES);
        }
    }

    @Test
    void keepsEveryKindOfValueStoredAsBsonAcrossARestart() throws IOException {
        Path file = dir.resolve("values.mv.db");
        Document rich = new Document("_id", "rich").append("text", "酒泉市人民医院").append("int", 7)
                .append("long", 7L << 40).append("double", 2.5).append("flag", true).append("nothing", null)
                .append("at", Instant.parse("2026-11-30T04:00:00.123Z")).append("objectId", new ObjectId())
                .append("list", List.of(1, "two", new Document("three", 3)))
                .append("outbox", List.of(new Document("eventId", "e-1").append("payload", "{\"a\":1}")));
        try (EmbeddedMongo mongo = EmbeddedMongo.onDisk(file, 0)) {
            assertThat(MongoWire.command(mongo.port(), "mtb_values", new Document("insert", "values")
                    .append("documents", List.of(rich))).get("n")).isEqualTo(1);
            MongoWire.command(mongo.port(), "mtb_values", new Document("update", "values").append("updates",
                    List.of(new Document("q", new Document("_id", "rich")).append("u", new Document("$inc",
                            new Document("int", 1))))));
        }
        try (EmbeddedMongo mongo = EmbeddedMongo.onDisk(file, 0)) {
            Document reply = MongoWire.command(mongo.port(), "mtb_values", new Document("find", "values")
                    .append("filter", new Document("_id", "rich")));
            List<Object> found = MongoWire.firstBatch(reply);
            assertThat(found).containsExactly(rich.cloneDeeply().append("int", 8));
        }
    }

    @Test
    void refusesToRenameACollectionAndKeepsItsDocumentsWhereTheyWere() throws IOException {
        Path file = dir.resolve("renamed.mv.db");
        Document draft = new Document("_id", "d-1").append("text", "草稿");
        try (EmbeddedMongo mongo = EmbeddedMongo.onDisk(file, 0)) {
            MongoWire.command(mongo.port(), "mtb_values", new Document("insert", "drafts")
                    .append("documents", List.of(draft)));
            Document refused = MongoWire.command(mongo.port(), "admin", new Document("renameCollection",
                    "mtb_values.drafts").append("to", "mtb_values.kept"));
            assertThat(((Number) refused.get("ok")).intValue()).isZero();
            assertThat(refused.get("code")).isEqualTo(20);
            assertThat((String) refused.get("errmsg")).contains("does not rename collections");
        }
        try (EmbeddedMongo mongo = EmbeddedMongo.onDisk(file, 0)) {
            assertThat(MongoWire.firstBatch(MongoWire.command(mongo.port(), "mtb_values",
                    new Document("find", "drafts")))).containsExactly(draft);
            assertThat(MongoWire.firstBatch(MongoWire.command(mongo.port(), "mtb_values",
                    new Document("find", "kept")))).isEmpty();
        }
    }

    @Test
    void ordersMixedKeyTypesWithoutLosingAny() throws IOException {
        try (EmbeddedMongo mongo = EmbeddedMongo.onDisk(dir.resolve("mixed.mv.db"), 0)) {
            List<Object> ids = List.of(3, 2L, 1.5, "b", "a", "10", true, new Document("k", 1));
            for (Object id : ids) {
                assertThat(insert(mongo.port(), new Document("_id", id)).get("n")).isEqualTo(1);
            }
            for (Object id : ids) {
                assertThat(find(mongo.port(), new Document("_id", id))).hasSize(1);
            }
            assertThat(errorCode(insert(mongo.port(), new Document("_id", 3L)))).isEqualTo(11000);
        }
    }

    @Test
    void reportsTheSizeOfWhatIsStoredWhenAskedAfterInsertsUpdatesAndRemovals() throws IOException {
        Path file = dir.resolve("sizes.mv.db");
        List<Document> kept = new ArrayList<>();
        try (EmbeddedMongo mongo = EmbeddedMongo.onDisk(file, 0)) {
            writeCases(mongo.port(), 0, 10);
            MongoWire.command(mongo.port(), "mtb_review", new Document("update", "cases").append("updates",
                    List.of(new Document("q", new Document("_id", "case-3")).append("u", new Document("$set",
                            new Document("note", "补正材料已收到".repeat(20)))))));
            MongoWire.command(mongo.port(), "mtb_review", new Document("delete", "cases").append("deletes",
                    List.of(new Document("q", new Document("_id", "case-7")).append("limit", 1))));
            for (Object found : find(mongo.port(), new Document())) {
                kept.add((Document) found);
            }
            assertThat(collectionSize(mongo.port())).isEqualTo(bsonBytes(kept));
        }
        try (EmbeddedMongo mongo = EmbeddedMongo.onDisk(file, 0)) {
            assertThat(collectionSize(mongo.port())).as("after a restart").isEqualTo(bsonBytes(kept));
        }
    }

    private static long collectionSize(int port) throws IOException {
        return ((Number) MongoWire.command(port, "mtb_review", new Document("collStats", "cases")).get("size"))
                .longValue();
    }

    private static long bsonBytes(List<Document> documents) {
        assertThat(documents).hasSize(9);
        return documents.stream().mapToLong(d -> TaggedBson.encode(d).length).sum();
    }

    private static void writeCases(int port, int from, int to) throws IOException {
        MongoWire.command(port, "mtb_review", new Document("createIndexes", "cases").append("indexes", List.of(
                new Document("key", new Document("number", 1).append("attempt", 1)).append("name", "number_attempt")
                        .append("unique", true))));
        List<Document> documents = new ArrayList<>();
        for (int i = from; i < to; i++) {
            documents.add(caseDocument(i));
        }
        assertThat(MongoWire.command(port, "mtb_review", new Document("insert", "cases").append("documents",
                documents)).get("n")).isEqualTo(to - from);
    }

    private static Document caseDocument(int i) {
        return new Document("_id", "case-" + i).append("number", "N-" + i).append("attempt", i);
    }

    private static void assertEveryCaseFound(int port, int cases) throws IOException {
        for (int i = 0; i < cases; i++) {
            assertThat(find(port, new Document("_id", "case-" + i))).as("case-%d by _id", i).hasSize(1);
            assertThat(find(port, new Document("number", "N-" + i).append("attempt", i)))
                    .as("case-%d by its unique index", i).hasSize(1);
        }
    }

    private static List<?> find(int port, Document filter) throws IOException {
        Document reply = MongoWire.command(port, "mtb_review", new Document("find",
                filter.containsKey("number") ? "cases" : collectionOf(filter)).append("filter", filter));
        return MongoWire.firstBatch(reply);
    }

    private static String collectionOf(Document filter) {
        return filter.isEmpty() || filter.get("_id") instanceof String s && s.startsWith("case-") ? "cases" : "mixed";
    }

    private static Document insert(int port, Document document) throws IOException {
        String collection = document.get("_id") instanceof String s && (s.startsWith("case-") || s.equals("new"))
                ? "cases" : "mixed";
        return MongoWire.command(port, "mtb_review", new Document("insert", collection).append("documents",
                List.of(document)));
    }

    private static int errorCode(Document reply) {
        List<?> errors = (List<?>) reply.get("writeErrors");
        assertThat(errors).as("write errors in %s", reply).isNotNull().hasSize(1);
        return ((Number) ((Document) errors.getFirst()).get("code")).intValue();
    }
}
