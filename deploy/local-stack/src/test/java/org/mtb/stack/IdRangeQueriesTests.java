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
 * A query, removal or update whose {@code _id} is a range of strings reads only the documents in the range, with the
 * answer reading every document would give: ids of other types are outside any string range, bounds hold or exclude
 * their own value as their operator says, and the rest of the query is matched on each document in the range.
 */
class IdRangeQueriesTests {

    private static final String DB = "mtb_intake";

    @TempDir
    Path dir;

    @Test
    void aRangeOfStringIdsFindsWhatReadingEveryDocumentFindsWithoutReadingThemAll() throws IOException {
        try (EmbeddedMongo mongo = EmbeddedMongo.onDisk(dir.resolve("ranges.mv.db"), 0)) {
            int port = mongo.port();
            List<Document> nonces = new ArrayList<>();
            for (int second = 1_764_800_000; second < 1_764_800_010; second++) {
                for (String nonce : List.of("a", "b")) {
                    nonces.add(new Document("_id", second + ":paas-1:" + nonce).append("keyFormat", "timed"));
                }
            }
            // An older key (no time), and ids of other types, which no range of strings holds.
            nonces.add(new Document("_id", "paas-1:old").append("forgetAfter", 1));
            nonces.add(new Document("_id", 1_764_800_003L));
            nonces.add(new Document("_id", new Document("n", "1764800003:x")));
            MongoWire.command(port, DB, new Document("insert", "nonces").append("documents", nonces));
            long before = StoredDocumentCollection.WHOLE_COLLECTION_READS.get();

            assertThat(ids(port, new Document("$lt", "1764800002:"))).containsExactly("1764800000:paas-1:a",
                    "1764800000:paas-1:b", "1764800001:paas-1:a", "1764800001:paas-1:b");
            assertThat(ids(port, new Document("$gte", "1764800008:paas-1:b"))).containsExactly("1764800008:paas-1:b",
                    "1764800009:paas-1:a", "1764800009:paas-1:b", "paas-1:old");
            assertThat(ids(port, new Document("$gt", "1764800008:paas-1:b").append("$lte", "1764800009:paas-1:b")))
                    .containsExactly("1764800009:paas-1:a", "1764800009:paas-1:b");
            assertThat(ids(port, new Document("$gte", "1").append("$lt", "1764800000:"))).isEmpty();
            assertThat(ids(port, new Document("$gt", "z"))).isEmpty();
            assertThat(find(port, new Document("_id", new Document("$gte", "1").append("$lt", "1764800002:"))
                    .append("keyFormat", "timed"), 3)).hasSize(3);
            assertThat(StoredDocumentCollection.WHOLE_COLLECTION_READS.get()).isEqualTo(before);

            Document removed = MongoWire.command(port, DB, new Document("delete", "nonces").append("deletes",
                    List.of(new Document("q", new Document("_id", new Document("$gte", "1")
                            .append("$lt", "1764800005:")).append("keyFormat", "timed")).append("limit", 0))));
            assertThat(removed.get("n")).isEqualTo(10);
            assertThat(StoredDocumentCollection.WHOLE_COLLECTION_READS.get()).isEqualTo(before);
            assertThat(ids(port, new Document("$lt", "1764800006:"))).containsExactly("1764800005:paas-1:a",
                    "1764800005:paas-1:b");
            // What is left, read whole: the other ten, the older key and the ids of other types.
            assertThat(find(port, new Document(), 0)).hasSize(13);
        }
    }

    private static List<Object> ids(int port, Document range) throws IOException {
        return find(port, new Document("_id", range), 0).stream().map(d -> ((Document) d).get("_id")).toList();
    }

    private static List<?> find(int port, Document filter, int limit) throws IOException {
        Document find = new Document("find", "nonces").append("filter", filter);
        if (limit > 0) {
            find.append("limit", limit);
        }
        return MongoWire.firstBatch(MongoWire.command(port, DB, find));
    }
}
