package org.mtb.stack;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.bson.Document;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A query or conditional update that names a document's {@code _id} and more is answered from the {@code _id} index
 * with the same result as reading the whole collection: the re-encryption's updates and the services' version checks
 * do not read every document.
 */
class IdQueriesTests {

    private static final String DB = "mtb_review";

    @TempDir
    Path dir;

    @Test
    void aQueryByIdAndMoreFindsWhatTheWholeQueryMatchesWithoutReadingTheCollection() throws IOException {
        try (EmbeddedMongo mongo = EmbeddedMongo.onDisk(dir.resolve("ids.mv.db"), 0)) {
            int port = mongo.port();
            List<Document> cases = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                cases.add(new Document("_id", "case-" + i).append("version", i)
                        .append("applicant", new Document("phone", "p-" + i)));
            }
            MongoWire.command(port, DB, new Document("insert", "cases").append("documents", cases));
            long before = StoredDocumentCollection.WHOLE_COLLECTION_READS.get();

            assertThat(find(port, new Document("_id", "case-7").append("version", 7))).hasSize(1);
            assertThat(find(port, new Document("_id", "case-7").append("version", 8))).isEmpty();
            assertThat(find(port, new Document("_id", "case-77").append("version", 7))).isEmpty();
            assertThat(find(port, new Document("_id", new Document("$in", List.of("case-1", "case-2", "case-3")))
                    .append("applicant.phone", "p-2"))).singleElement()
                    .satisfies(found -> assertThat(((Document) found).get("_id")).isEqualTo("case-2"));
            // The outbox relay's claim: its ids, then each mark's own condition and a common one.
            assertThat(find(port, new Document("_id", new Document("$in", List.of("case-1", "case-2", "case-3")))
                    .append("$and", List.of(new Document("version", new Document("$gte", 2)),
                            new Document("$or", List.of(new Document("_id", "case-1").append("version", 1),
                                    new Document("_id", "case-2").append("version", 2),
                                    new Document("_id", "case-3").append("version", 4)))))))
                    .singleElement()
                    .satisfies(found -> assertThat(((Document) found).get("_id")).isEqualTo("case-2"));

            Document sealed = new Document("$set", new Document("applicant.phone", "enc:1:k2:sealed"));
            Document unchanged = new Document("_id", "case-9").append("applicant.phone", "p-9");
            assertThat(update(port, unchanged, sealed).get("nModified")).isEqualTo(1);
            assertThat(update(port, unchanged, sealed).get("nModified")).as("the value changed meanwhile")
                    .isEqualTo(0);
            assertThat(find(port, new Document("_id", "case-9").append("applicant.phone", "enc:1:k2:sealed")))
                    .hasSize(1);

            assertThat(StoredDocumentCollection.WHOLE_COLLECTION_READS.get()).isEqualTo(before);

            // A range of string ids is walked in the ids' order (IdRangeQueriesTests), not read whole.
            assertThat(find(port, new Document("_id", new Document("$gt", "case-40")).append("version", 45)))
                    .hasSize(1);
            assertThat(StoredDocumentCollection.WHOLE_COLLECTION_READS.get()).isEqualTo(before);

            // Anything else of the id but a value, a list or string bounds is read whole, with the same answer.
            assertThat(find(port, new Document("_id", new Document("$ne", "case-40")).append("version", 45)))
                    .hasSize(1);
            assertThat(StoredDocumentCollection.WHOLE_COLLECTION_READS.get()).isGreaterThan(before);
        }
    }

    private static List<?> find(int port, Document filter) throws IOException {
        Document reply = MongoWire.command(port, DB, new Document("find", "cases").append("filter", filter));
        return MongoWire.firstBatch(reply);
    }

    private static Document update(int port, Document query, Document change) throws IOException {
        return MongoWire.command(port, DB, new Document("update", "cases").append("updates",
                List.of(new Document("q", query).append("u", change))));
    }
}
