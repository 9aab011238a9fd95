package org.mtb.support.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.model.UpdateOneModel;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mtb.support.testing.LocalMongo;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Updates sent as BSON written by {@link RawDocuments} are applied as the driver's own would be. */
@ExtendWith(LocalMongo.class)
class DirectBulkWritesTests {

    private final MongoTemplate mongo = new MongoTemplate(LocalMongo.client(), "direct_" + System.nanoTime());

    @Test
    void appliesUpdatesAndUpsertsByIdAndCountsThem() {
        mongo.insert(new Document("_id", "m-1").append("status", "PENDING").append("attempts", 0), "messages");
        Date sentAt = new Date(1_796_000_000_000L);

        BulkWriteResult result = DirectBulkWrites.unordered(mongo, "messages", List.of(
                DirectBulkWrites.updateById("m-1", new Document("$set", new Document("status", "SENT")
                        .append("sentAt", sentAt)).append("$inc", new Document("attempts", 1))
                        .append("$push", new Document("log", new Document("at", sentAt).append("note", "短信已发送")))),
                DirectBulkWrites.updateById("m-9", new Document("$set", new Document("status", "SENT"))),
                DirectBulkWrites.upsertById("m-2", new Document("$setOnInsert", new Document("status", "DUE")))));

        assertThat(result.getMatchedCount()).isEqualTo(1);
        assertThat(result.getModifiedCount()).isEqualTo(1);
        assertThat(result.getUpserts()).hasSize(1);
        assertThat(mongo.findById("m-1", Document.class, "messages")).isEqualTo(new Document("_id", "m-1")
                .append("status", "SENT").append("attempts", 1).append("sentAt", sentAt)
                .append("log", List.of(new Document("at", sentAt).append("note", "短信已发送"))));
        assertThat(mongo.findById("m-2", Document.class, "messages")).isEqualTo(new Document("_id", "m-2")
                .append("status", "DUE"));
    }

    @Test
    void refusesAnUpdateThatIsNotAllOperatorsAsTheDriverDoes() {
        List<UpdateOneModel<Document>> replacement = List.of(DirectBulkWrites.updateById("m-1",
                new Document("status", "SENT")));

        // Handed to the driver as it is, which refuses it before sending anything.
        assertThatThrownBy(() -> DirectBulkWrites.unordered(mongo, "messages", replacement))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must start with '$'");
        assertThat(mongo.findAll(Document.class, "messages")).isEmpty();
    }
}
