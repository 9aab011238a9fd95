package org.mtb.support.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoSocketOpenException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteException;
import com.mongodb.ServerAddress;
import com.mongodb.WriteError;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.UncategorizedMongoDbException;

/** MongoDB out of reach, however deep in the causes, is an outage; what the database refused is not. */
class DatabaseOutagesTests {

    @Test
    void aLostConnectionAClearedPoolARefusedConnectionOrATimeoutIsAnOutage() {
        assertThat(DatabaseOutages.isOutage(MongoFailures.poolCleared())).isTrue();
        assertThat(DatabaseOutages.isOutage(new DataAccessResourceFailureException("down",
                new MongoSocketOpenException("refused", new ServerAddress())))).isTrue();
        assertThat(DatabaseOutages.isOutage(new IllegalStateException("wrapped",
                new MongoTimeoutException("no server within 30000 ms")))).isTrue();
    }

    @Test
    void whatTheDatabaseRefusedOrAFailureOfOursIsNot() {
        var duplicate = new MongoWriteException(new WriteError(11000, "E11000 duplicate key", new BsonDocument()),
                new ServerAddress(), java.util.Set.of());
        assertThat(DatabaseOutages.isOutage(new DuplicateKeyException("duplicate", duplicate))).isFalse();
        assertThat(DatabaseOutages.isOutage(new UncategorizedMongoDbException("a bug of ours", null))).isFalse();
        assertThat(DatabaseOutages.isOutage(new IllegalArgumentException("bad value"))).isFalse();
        assertThat(DatabaseOutages.isOutage(null)).isFalse();
    }
}
