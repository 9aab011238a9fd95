package org.mtb.support.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mtb.support.testing.LocalMongo;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;

@ExtendWith(LocalMongo.class)
class UnorderedInsertsTests {

    private final MongoTemplate mongo = new MongoTemplate(LocalMongo.client(), "inserts_" + System.nanoTime());

    @Test
    void storesEveryDocumentNotRefusedAndTellsADuplicateFromOtherRefusals() {
        mongo.indexOps("cases").createIndex(new Index("key", Sort.Direction.ASC).unique());
        UnorderedInserts.insert(mongo, Document.class, "cases", List.of(new Document("_id", "a").append("key", 1)));

        UnorderedInserts.Outcome outcome = UnorderedInserts.insert(mongo, Document.class, "cases", List.of(
                new Document("_id", "a").append("key", 9),
                new Document("_id", "b").append("key", 2),
                new Document("_id", "c").append("key", 1),
                new Document("_id", "d").append("key", 4)));

        assertThat(outcome.stored(1)).isTrue();
        assertThat(outcome.stored(3)).isTrue();
        assertThat(outcome.duplicate(0)).isTrue();
        assertThat(outcome.duplicate(2)).as("refused by the unique index on key").isTrue();
        assertThat(outcome.refusedOtherwise()).isFalse();
        assertThat(outcome.refusal(0)).contains("duplicate key");
        assertThat(outcome.refusal(1)).isNull();
        assertThat(mongo.findAll(Document.class, "cases")).extracting(d -> d.getString("_id"))
                .containsExactlyInAnyOrder("a", "b", "d");
    }

    @Test
    void storesWhatItCannotWriteAsBsonItselfThroughSpringData() {
        Document noId = new Document("key", 5);
        Document uuid = new Document("_id", "u").append("token", java.util.UUID.randomUUID().toString())
                .append("at", java.time.Instant.parse("2026-12-06T04:00:00Z"));

        UnorderedInserts.Outcome outcome = UnorderedInserts.insert(mongo, Document.class, "mixed", List.of(noId));
        UnorderedInserts.Outcome raw = UnorderedInserts.insert(mongo, Document.class, "mixed", List.of(uuid));

        assertThat(outcome.refused()).isEmpty();
        assertThat(raw.refused()).isEmpty();
        assertThat(mongo.findAll(Document.class, "mixed")).hasSize(2)
                .anySatisfy(stored -> assertThat(stored.get("_id")).isInstanceOf(org.bson.types.ObjectId.class))
                .anySatisfy(stored -> assertThat(stored.get("at")).isEqualTo(
                        java.util.Date.from(java.time.Instant.parse("2026-12-06T04:00:00Z"))));
    }

    @Test
    void answersNothingRefusedForNoDocuments() {
        UnorderedInserts.Outcome outcome = UnorderedInserts.insert(mongo, Document.class, "cases", List.of());

        assertThat(outcome.refused()).isEmpty();
        assertThat(outcome.failure()).isNull();
    }

    @Test
    void insertsAPollInCommandsOfAtMostSixtyFourAndIndexesItsRefusalsInTheWholeList() {
        List<String> commands = Collections.synchronizedList(new ArrayList<>());
        String database = "chunked_" + System.nanoTime();
        try (MongoClient listened = DirectBulkWritesTests.listenedClient(database, commands)) {
            MongoTemplate counted = new MongoTemplate(listened, database);
            counted.insert(List.of(new Document("_id", "case-10"), new Document("_id", "case-140")), "cases");
            commands.clear();

            UnorderedInserts.Outcome outcome = UnorderedInserts.insert(counted, Document.class, "cases",
                    IntStream.range(0, 150).mapToObj(i -> new Document("_id", "case-" + i)).toList());

            assertThat(commands).containsExactly("insert", "insert", "insert");
            assertThat(outcome.refused().keySet()).containsExactlyInAnyOrder(10, 140);
            assertThat(outcome.duplicate(10)).isTrue();
            assertThat(outcome.duplicate(140)).isTrue();
            assertThat(outcome.refused().get(140).getIndex()).isEqualTo(140);
            assertThat(outcome.stored(139)).isTrue();
            assertThat(outcome.refusedOtherwise()).isFalse();
            assertThat(outcome.failure()).isNotNull();
            assertThat(counted.findAll(Document.class, "cases")).hasSize(150);
        }
    }
}
