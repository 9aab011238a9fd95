package org.mtb.stack;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.QueryParameters;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.NoopOplog;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A document a query answered stays as it was read while updates change the stored one: the server encodes a reply
 * after the collection's lock is released, and a reply whose document an update changed meanwhile failed to encode
 * (the connection closed, the services' requests on it failed with 500). Each update below would have changed the
 * very object the query handed out, at its top level ({@code status}), in a nested document ({@code applicant}) and in
 * a list ({@code timeline}).
 */
class StoredDocumentsTests {

    @TempDir
    Path dir;

    private OrderedKeysH2Backend backend;
    private MongoCollection<?> applications;

    @BeforeEach
    void open() {
        backend = new OrderedKeysH2Backend(dir.resolve("stored.mv.db").toString());
        applications = backend.resolveDatabase("mtb_intake").createCollectionOrThrowIfExists("applications");
        applications.addDocument(application("620900-1"));
        applications.addDocument(application("620900-2"));
    }

    @AfterEach
    void close() {
        backend.close();
    }

    @Test
    void anUpdateByIdLeavesTheDocumentsAQueryReturnedAsTheyWere() {
        Document read = readOne("620900-1");

        update(new Document("_id", "620900-1"), "APPROVED");
        update(new Document("_id", "620900-1").append("version", 1), "REJECTED");

        assertThat(read).isEqualTo(application("620900-1"));
        assertThat(readOne("620900-1")).satisfies(now -> {
            assertThat(now.get("status")).isEqualTo("REJECTED");
            assertThat(now.get("version")).isEqualTo(2);
            assertThat((List<?>) now.get("timeline")).hasSize(3);
        });
    }

    @Test
    void anUpdateFoundByReadingTheCollectionOrByFindAndModifyLeavesThemAsWellAndChangesOnlyWhatItMatches() {
        List<Document> read = applications.handleQuery(new QueryParameters(new Document(), 0, 0)).collectDocuments();

        update(new Document("status", "SUBMITTED").append("regionCode", "620900"), "APPROVED");
        applications.findAndModify(new Document("query", new Document("_id", "620900-2"))
                .append("update", new Document("$set", new Document("status", "WITHDRAWN"))).append("new", true));

        assertThat(read).containsExactly(application("620900-1"), application("620900-2"));
        assertThat(readOne("620900-1").get("status")).isEqualTo("APPROVED");
        assertThat(readOne("620900-2").get("status")).as("findAndModify").isEqualTo("WITHDRAWN");
        assertThat(readOne("620900-2").get("version")).as("not matched by the first update, which took one")
                .isEqualTo(0);
    }

    private Document readOne(String number) {
        return applications.handleQuery(new QueryParameters(new Document("_id", number), 0, 0)).collectDocuments()
                .getFirst();
    }

    private void update(Document selector, String status) {
        applications.updateDocuments(selector, new Document("$set", new Document("status", status)
                .append("applicant.masked.name", "李**"))
                .append("$inc", new Document("version", 1))
                .append("$push", new Document("timeline", new Document("status", status))),
                ArrayFilters.empty(), false, false, NoopOplog.get());
    }

    private static Document application(String number) {
        return new Document("_id", number).append("regionCode", "620900").append("status", "SUBMITTED")
                .append("version", 0).append("applicant", new Document("masked", new Document("name", "张**")))
                .append("timeline", new java.util.ArrayList<>(List.of(new Document("status", "SUBMITTED"))));
    }
}
