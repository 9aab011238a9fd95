package org.mtb.support.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mtb.support.testing.LocalMongo;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexDefinition;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.index.IndexOptions;

@ExtendWith(LocalMongo.class)
class ObsoleteIndexesTests {

    private final MongoTemplate mongo = new MongoTemplate(LocalMongo.client(), "obsolete_" + System.nanoTime());

    @Test
    void dropsTheNamedIndexesThatExistAndKeepsTheOthers() {
        mongo.insert(new Document("_id", "a").append("version", 1).append("key", "k"), "cases");
        mongo.indexOps("cases").createIndex(new Index().on("_id", Sort.Direction.ASC).on("version", Sort.Direction.ASC)
                .unique().named("id_version"));
        mongo.indexOps("cases").createIndex(new Index("key", Sort.Direction.ASC).unique().named("key"));

        int dropped = ObsoleteIndexes.drop(mongo, "cases", "test", "id_version", "id_claim");

        assertThat(dropped).isEqualTo(1);
        assertThat(mongo.indexOps("cases").getIndexInfo()).extracting(IndexInfo::getName)
                .contains("key").doesNotContain("id_version");
        assertThat(ObsoleteIndexes.drop(mongo, "cases", "test", "id_version")).as("again").isZero();
        assertThatThrownBy(() -> mongo.insert(new Document("_id", "b").append("version", 1).append("key", "k"),
                "cases")).as("the index kept still refuses a duplicate").isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void takesAnIndexAnotherInstanceDroppedFirstAsDropped() {
        mongo.insert(new Document("_id", "a").append("version", 1), "marks");
        mongo.indexOps("marks").createIndex(new Index().on("_id", Sort.Direction.ASC).on("version", Sort.Direction.ASC)
                .unique().named("id_version"));
        MongoTemplate racing = new MongoTemplate(LocalMongo.client(), mongo.getDb().getName()) {
            @Override
            public IndexOperations indexOps(String collection) {
                return new OtherInstanceFirst(super.indexOps(collection));
            }
        };

        assertThat(ObsoleteIndexes.drop(racing, "marks", "test", "id_version")).isZero();
        assertThat(mongo.indexOps("marks").getIndexInfo()).extracting(IndexInfo::getName)
                .doesNotContain("id_version");
    }

    @Test
    void leavesACollectionThatDoesNotExistAlone() {
        assertThat(ObsoleteIndexes.drop(mongo, "nothing_here", "test", "id_version")).isZero();
        assertThat(mongo.collectionExists("nothing_here")).isFalse();
    }

    /** Index operations of a database where another instance drops each index just before this one does. */
    private record OtherInstanceFirst(IndexOperations real) implements IndexOperations {

        @Override
        public void dropIndex(String name) {
            real.dropIndex(name);
            real.dropIndex(name);
        }

        @Override
        public List<IndexInfo> getIndexInfo() {
            return real.getIndexInfo();
        }

        @Override
        public String createIndex(IndexDefinition indexDefinition) {
            return real.createIndex(indexDefinition);
        }

        @Override
        public void alterIndex(String name, IndexOptions options) {
            real.alterIndex(name, options);
        }

        @Override
        public void dropAllIndexes() {
            real.dropAllIndexes();
        }
    }
}
