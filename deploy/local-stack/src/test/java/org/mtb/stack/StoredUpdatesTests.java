package org.mtb.stack;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local MongoDB's own update ({@link StoredDocumentCollection#updateDocuments}, on its H2 store on disk) answers
 * and stores what mongo-java-server's stock update does: every command below goes over the wire to both servers, and
 * the replies and then the whole collection, in order, must be the same. The commands are the kinds the services send:
 * {@code $set}, {@code $inc}, {@code $push}, {@code $addToSet} that changes nothing, {@code $unset}, {@code $pull}, the
 * positional {@code $}, a replacement, a multi update, upserts that insert and that match, a conditional update that
 * matches nothing, one that a unique index refuses, an indexed field changed and its old value then free, an
 * update of {@code _id} refused.
 */
class StoredUpdatesTests {

    private static final String DB = "mtb_intake";
    private static final String COLLECTION = "applications";

    private final MongoServer stock = new MongoServer(H2Backend.inMemory());
    private final int stockPort = stock.bind().getPort();
    private EmbeddedMongo local;

    @BeforeEach
    void start(@TempDir Path dir) {
        local = EmbeddedMongo.onDisk(dir.resolve("mtb.mv.db"), 0);
    }

    @AfterEach
    void close() {
        local.close();
        stock.shutdownNow();
    }

    @Test
    void everyKindOfUpdateAnswersAndStoresAsTheStockServerDoes() throws IOException {
        both(new Document("createIndexes", COLLECTION).append("indexes", List.of(new Document("key",
                new Document("idempotencyKey", 1)).append("name", "idempotencyKey").append("unique", true))));
        both(new Document("insert", COLLECTION).append("documents", List.of(
                application("620900-1", "k1"), application("620900-2", "k2"), application("659006-1", "k3"))));

        List<Document> updates = List.of(
                one(new Document("_id", "620900-1").append("version", 0), new Document("$set",
                        new Document("status", "UNDER_REVIEW").append("reviewDueAt", "2026-12-20"))
                        .append("$inc", new Document("version", 1))
                        .append("$push", new Document("timeline", new Document("status", "UNDER_REVIEW")))),
                one(new Document("_id", "620900-1").append("version", 0),
                        new Document("$set", new Document("status", "REJECTED"))),
                one(new Document("_id", "620900-2"),
                        new Document("$addToSet", new Document("processedEventIds", "e-1"))),
                one(new Document("_id", "620900-2"),
                        new Document("$addToSet", new Document("processedEventIds", "e-1"))),
                one(new Document("_id", "620900-2"), new Document("$unset", new Document("applicant.phone", ""))),
                one(new Document("_id", "620900-2"), new Document("$pull",
                        new Document("outbox", new Document("eventId", new Document("$in", List.of("o-620900-2")))))),
                one(new Document("_id", "620900-1").append("timeline.status", "UNDER_REVIEW"),
                        new Document("$set", new Document("timeline.$.note", "审核中"))),
                one(new Document("_id", "659006-1"), new Document("idempotencyKey", "k3").append("status", "FILED")
                        .append("regionCode", "659006")),
                new Document("q", new Document("regionCode", "620900")).append("u",
                        new Document("$set", new Document("batch", 7))).append("multi", true),
                upsert(new Document("_id", "counter-620900"),
                        new Document("$inc", new Document("sequence", 50)).append("$setOnInsert",
                                new Document("regionCode", "620900"))),
                upsert(new Document("_id", "counter-620900"), new Document("$inc", new Document("sequence", 50))),
                one(new Document("_id", "620900-2"), new Document("$set", new Document("idempotencyKey", "k1"))),
                // An indexed field changed, then its old value taken by another document, then a taken one refused.
                one(new Document("_id", "620900-2"), new Document("$set", new Document("idempotencyKey", "k9"))),
                one(new Document("_id", "620900-1"), new Document("$set", new Document("idempotencyKey", "k2"))),
                one(new Document("_id", "659006-1"), new Document("$set", new Document("idempotencyKey", "k9"))),
                one(new Document("_id", "620900-2"), new Document("$set", new Document("applicant.phone", "v2:x"))
                        .append("$push", new Document("outbox", new Document("$each", List.of(
                                new Document("eventId", "o-2b"), new Document("eventId", "o-2c")))))),
                one(new Document("_id", "620900-2"), new Document("$set", new Document("_id", "other"))),
                one(new Document("_id", "missing"), new Document("$set", new Document("status", "APPROVED"))),
                one(new Document("_id", "620900-1"), new Document("$set", new Document("status", "UNDER_REVIEW"))));
        List<String> differences = new ArrayList<>();
        for (Document update : updates) {
            Document command = new Document("update", COLLECTION).append("updates", List.of(update));
            Document[] replies = both(command);
            if (!comparable(replies[0]).equals(comparable(replies[1]))) {
                differences.add(update + ": local " + replies[0] + ", stock " + replies[1]);
            }
            Document[] contents = both(new Document("find", COLLECTION).append("filter", new Document()));
            if (!batch(contents[0]).equals(batch(contents[1]))) {
                differences.add(update + ": local stored " + batch(contents[0]) + ", stock " + batch(contents[1]));
            }
        }

        assertThat(differences).isEmpty();
        Document stored = batch(both(new Document("find", COLLECTION).append("filter",
                new Document("_id", "620900-1")))[0]).getFirst();
        assertThat(stored.get("status")).as("the conditional update at version 0 only once").isEqualTo("UNDER_REVIEW");
        assertThat(stored.get("batch")).as("the multi update").isEqualTo(7);
    }

    private Document[] both(Document command) throws IOException {
        return new Document[] {MongoWire.command(local.port(), DB, command),
                MongoWire.command(stockPort, DB, command)};
    }

    /** A reply without what differs between any two servers' replies (timings, the error's wording). */
    private static Document comparable(Document reply) {
        Document kept = new Document(reply);
        kept.remove("operationTime");
        kept.remove("$clusterTime");
        if (kept.get("writeErrors") instanceof List<?> errors) {
            kept.put("writeErrors", errors.stream().map(e -> ((Document) e).get("code")).toList());
        }
        return kept;
    }

    @SuppressWarnings("unchecked")
    private static List<Document> batch(Document reply) {
        return (List<Document>) (List<?>) MongoWire.firstBatch(reply);
    }

    private static Document one(Document selector, Document update) {
        return new Document("q", selector).append("u", update);
    }

    private static Document upsert(Document selector, Document update) {
        return one(selector, update).append("upsert", true);
    }

    private static Document application(String number, String key) {
        return new Document("_id", number).append("idempotencyKey", key).append("regionCode", number.substring(0, 6))
                .append("status", "SUBMITTED").append("version", 0)
                .append("applicant", new Document("nameSealed", "v1:abc").append("phone", "v1:def"))
                .append("timeline", new ArrayList<>(List.of(new Document("status", "SUBMITTED"))))
                .append("outbox", new ArrayList<>(List.of(new Document("eventId", "o-" + number))));
    }
}
