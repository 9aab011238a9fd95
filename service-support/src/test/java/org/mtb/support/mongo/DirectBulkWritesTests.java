package org.mtb.support.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mtb.support.testing.LocalMongo;
import org.springframework.dao.DataAccessException;
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
    void sendsAPollOfWritesInCommandsOfAtMostSixtyFourAndAnswersForAllOfThem() {
        List<String> commands = Collections.synchronizedList(new ArrayList<>());
        String database = "chunked_" + System.nanoTime();
        try (MongoClient listened = listenedClient(database, commands)) {
            MongoTemplate counted = new MongoTemplate(listened, database);
            counted.insert(IntStream.range(0, 100).mapToObj(i -> new Document("_id", "m-" + i).append("sent", false))
                    .toList(), "messages");
            List<UpdateOneModel<Document>> writes = new ArrayList<>();
            IntStream.range(0, 150).forEach(i -> writes.add(i % 3 == 2
                    ? DirectBulkWrites.upsertById("new-" + i, new Document("$setOnInsert", new Document("sent", false)))
                    : DirectBulkWrites.updateById("m-" + i, new Document("$set", new Document("sent", true)))));
            commands.clear();

            BulkWriteResult result = DirectBulkWrites.unordered(counted, "messages", writes);

            assertThat(commands).containsExactly("update", "update", "update");
            // 100 updates, of which 67 find their message (m-0..m-99 with i % 3 != 2); 50 upserts, indexed in the list.
            assertThat(result.getMatchedCount()).isEqualTo(67);
            assertThat(result.getModifiedCount()).isEqualTo(67);
            assertThat(result.getUpserts()).extracting(upsert -> upsert.getIndex())
                    .containsExactlyElementsOf(IntStream.range(0, 150).filter(i -> i % 3 == 2).boxed().toList());
            assertThat(result.getUpserts()).allSatisfy(upsert -> assertThat(upsert.getId().asString().getValue())
                    .isEqualTo("new-" + upsert.getIndex()));
            assertThat(counted.count(new org.springframework.data.mongodb.core.query.Query(), "messages"))
                    .isEqualTo(150);
        }
    }

    @Test
    void aWriteRefusedInOneCommandKeepsNoneOfTheOtherCommandsOut() {
        mongo.insert(new Document("_id", "taken"), "cases");
        List<WriteModel<Document>> writes = new ArrayList<>();
        IntStream.range(0, 200).forEach(i -> writes.add(new InsertOneModel<>(
                new Document("_id", i == 5 ? "taken" : "case-" + i))));

        assertThatThrownBy(() -> DirectBulkWrites.unordered(mongo, "cases", writes))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("taken");

        assertThat(mongo.findAll(Document.class, "cases")).hasSize(200);
        assertThat(mongo.findById("case-199", Document.class, "cases")).isNotNull();
    }

    /** A client of the local MongoDB that names every command it sends, in {@code commands}. */
    static MongoClient listenedClient(String database, List<String> commands) {
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(LocalMongo.uri(database)))
                .addCommandListener(new CommandListener() {
                    @Override
                    public void commandStarted(CommandStartedEvent event) {
                        commands.add(event.getCommandName());
                    }
                }).build());
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
