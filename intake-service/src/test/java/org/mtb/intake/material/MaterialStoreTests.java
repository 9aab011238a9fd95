package org.mtb.intake.material;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtb.stack.EmbeddedMongo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.mongodb.test.autoconfigure.DataMongoTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Materials and their bytes in GridFS, on the in-JVM MongoDB server the tests and the local stack use. */
// Closed after the class while the Mongo server, which lives as long as the JVM, still answers.
@DirtiesContext
@DataMongoTest
@Import(MaterialStore.class)
class MaterialStoreTests {

    static final EmbeddedMongo MONGO = EmbeddedMongo.inMemory();

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MONGO.uri("mtb_intake_material_store"));
    }

    @Autowired
    MaterialStore store;

    @Autowired
    MongoTemplate mongo;

    @TempDir
    Path dir;

    @Test
    void storesTheBytesInGridFsAndReadsThemBack() throws Exception {
        byte[] pdf = MaterialSamples.pdf();
        Material material = material("m-1", "c0ffee");

        MaterialStore.Added added = store.add(material, spool(pdf));

        assertThat(added.created()).isTrue();
        assertThat(store.find("m-1")).contains(material);
        try (var in = store.content(material).orElseThrow().getInputStream()) {
            assertThat(in.readAllBytes()).isEqualTo(pdf);
        }
    }

    @Test
    void answersTheMaterialStoredFirstWhenTheSameUploadArrivesTwiceAtOnceAndDropsTheSecondsBytes() throws Exception {
        byte[] png = MaterialSamples.png(12, 12);
        Material first = material("m-first", "beef");
        Material second = material("m-second", "beef");
        store.add(first, spool(png));

        // The second request checked for the same upload before the first stored it: the unique index decides.
        MaterialStore.Added added = store.add(second, spool(png));

        assertThat(added.created()).isFalse();
        assertThat(added.material().id()).isEqualTo("m-first");
        assertThat(store.find("m-second")).isEmpty();
        assertThat(mongo.getCollection("fs.files").countDocuments(new Document("_id", second.gridFsId()))).isZero();
        assertThat(mongo.getCollection("fs.chunks").countDocuments(new Document("files_id", second.gridFsId())))
                .isZero();
    }

    @Test
    void readsMaterialsByIdAsTheConverterReadsThem() throws Exception {
        Material unreferenced = material("m-a", "a1");
        Material referenced = new Material("m-b", "gz-liupanshui-platform", "COUNTER_CLERK", "520200",
                "DISEASE_CERTIFICATE", MaterialFormat.PNG, "image/png", 7_000_000_000L, "b2", new ObjectId(),
                Instant.parse("2026-12-06T04:20:01.123Z"), "520200-20261206-000001",
                Instant.parse("2026-12-06T04:21:02.456Z"), "H52020000001");
        store.add(unreferenced, spool(MaterialSamples.pdf()));
        store.add(referenced, spool(MaterialSamples.png(4, 4)));

        assertThat(store.findAll(java.util.List.of("m-a", "m-b", "m-unknown")))
                .containsExactlyInAnyOrderElementsOf(mongo.find(org.springframework.data.mongodb.core.query.Query.query(
                        org.springframework.data.mongodb.core.query.Criteria.where("_id").in("m-a", "m-b")),
                        Material.class))
                .containsExactlyInAnyOrder(unreferenced, referenced);
    }

    private Path spool(byte[] bytes) throws Exception {
        return Files.write(Files.createTempFile(dir, "spool", ".upload"), bytes);
    }

    private static Material material(String id, String sha256) {
        return new Material(id, "applicant-zhang", "APPLICANT", "659006", "ID_CARD", MaterialFormat.PDF,
                "application/pdf", 100, sha256, new ObjectId(), Instant.parse("2026-11-23T02:00:00Z"), null, null, null);
    }
}
