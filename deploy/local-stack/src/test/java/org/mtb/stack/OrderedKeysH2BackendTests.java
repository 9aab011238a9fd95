package org.mtb.stack;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import java.io.IOException;
import java.nio.file.Path;
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
        return (List<?>) ((Document) reply.get("cursor")).get("firstBatch");
    }

    private static String collectionOf(Document filter) {
        return filter.get("_id") instanceof String s && s.startsWith("case-") ? "cases" : "mixed";
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
