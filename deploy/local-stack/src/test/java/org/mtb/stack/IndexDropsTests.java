package org.mtb.stack;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.bson.Document;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dropping an index of one collection leaves the same-named indexes of the database's other collections alone, live
 * and after a restart; mongo-java-server 1.47 as it comes removed their descriptions too (what ObsoleteIndexes met
 * when it dropped {@code id_version} from applications and insured diseases lost theirs).
 */
class IndexDropsTests {

    private static final String DB = "mtb_intake";

    @TempDir
    Path dir;

    private Path file;

    @BeforeEach
    void aStoreWithTheSameIndexNameInThreeCollections() throws IOException {
        file = dir.resolve("mtb.mv.db");
        try (EmbeddedMongo mongo = EmbeddedMongo.onDisk(file, 0)) {
            for (String collection : List.of("applications", "insured_diseases", "materials")) {
                assertOk(command(mongo, new Document("createIndexes", collection).append("indexes", List.of(
                        new Document("key", new Document("claim", 1)).append("name", "claim").append("unique", true),
                        new Document("key", new Document("region", 1)).append("name", "region")
                                .append("unique", true).append("sparse", true)))));
            }
        }
    }

    @Test
    void aDropByNameTakesTheIndexOfThatCollectionOnly() throws IOException {
        try (EmbeddedMongo mongo = EmbeddedMongo.onDisk(file, 0)) {
            assertOk(command(mongo, new Document("dropIndexes", "applications").append("index", "claim")));

            assertThat(indexNames(mongo, "applications")).containsExactly("_id_", "region");
            assertThat(indexNames(mongo, "insured_diseases")).containsExactly("_id_", "claim", "region");
            assertThat(indexNames(mongo, "materials")).containsExactly("_id_", "claim", "region");
            assertThat(duplicateRefused(mongo, "insured_diseases")).as("the other's index still works").isTrue();
            assertThat(duplicateRefused(mongo, "applications")).as("the dropped one is gone").isFalse();
        }
        try (EmbeddedMongo mongo = EmbeddedMongo.onDisk(file, 0)) {
            assertThat(indexNames(mongo, "applications")).containsExactly("_id_", "region");
            assertThat(indexNames(mongo, "insured_diseases")).containsExactly("_id_", "claim", "region");
            assertOk(command(mongo, new Document("dropDatabase", 1)));
        }
    }

    @Test
    void aDropByKeyOrOfAllTakesThatCollectionsIndexesOnly() throws IOException {
        try (EmbeddedMongo mongo = EmbeddedMongo.onDisk(file, 0)) {
            assertOk(command(mongo, new Document("dropIndexes", "materials").append("index", new Document("region", 1))));
            assertOk(command(mongo, new Document("dropIndexes", "applications").append("index", "*")));

            assertThat(indexNames(mongo, "materials")).containsExactly("_id_", "claim");
            assertThat(indexNames(mongo, "applications")).containsExactly("_id_");
            assertThat(indexNames(mongo, "insured_diseases")).containsExactly("_id_", "claim", "region");
        }
    }

    @Test
    void anUnknownIndexOrTheIdIndexIsRefusedAsMongoDbRefusesThem() throws IOException {
        try (EmbeddedMongo mongo = EmbeddedMongo.onDisk(file, 0)) {
            Document unknown = command(mongo, new Document("dropIndexes", "applications").append("index", "nothing"));
            Document id = command(mongo, new Document("dropIndexes", "applications").append("index", "_id_"));

            assertThat(((Number) unknown.get("code")).intValue()).as(unknown.toString()).isEqualTo(27);
            assertThat(((Number) id.get("code")).intValue()).as(id.toString()).isEqualTo(72);
            assertThat(indexNames(mongo, "applications")).containsExactly("_id_", "claim", "region");
        }
    }

    private static boolean duplicateRefused(EmbeddedMongo mongo, String collection) throws IOException {
        Document reply = command(mongo, new Document("insert", collection).append("documents", List.of(
                new Document("_id", collection + "-1").append("claim", "c"),
                new Document("_id", collection + "-2").append("claim", "c"))));
        return reply.get("writeErrors") != null;
    }

    private static List<String> indexNames(EmbeddedMongo mongo, String collection) throws IOException {
        Document reply = command(mongo, new Document("listIndexes", collection));
        return MongoWire.firstBatch(reply).stream().map(index -> (String) ((Document) index).get("name")).sorted()
                .toList();
    }

    private static Document command(EmbeddedMongo mongo, Document command) throws IOException {
        return MongoWire.command(mongo.port(), DB, command);
    }

    private static void assertOk(Document reply) {
        assertThat(((Number) reply.get("ok")).doubleValue()).as(reply.toString()).isEqualTo(1.0);
    }
}
