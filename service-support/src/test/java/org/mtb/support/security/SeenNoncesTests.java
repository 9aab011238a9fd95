package org.mtb.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.mtb.stack.EmbeddedMongo;
import org.springframework.data.mongodb.core.MongoTemplate;

/** On the embedded MongoDB server, over a real socket, as the services use it. */
class SeenNoncesTests {

    private static final EmbeddedMongo MONGO = EmbeddedMongo.inMemory();
    private static final MongoClient CLIENT = MongoClients.create(MONGO.uri("admin"));
    private static final Instant NOW = Instant.parse("2026-11-30T02:00:00Z");

    private final MongoTemplate mongo = new MongoTemplate(CLIENT, "nonces_" + System.nanoTime());

    @AfterAll
    static void stop() {
        CLIENT.close();
        MONGO.close();
    }

    @Test
    void twoInstancesReceivingTheSameRequestAtOnceAcceptItOnceAndEveryOtherNonceOnce() throws Exception {
        SeenNonces first = new SeenNonces(mongo);
        SeenNonces second = new SeenNonces(mongo);
        List<Callable<Boolean>> uses = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            SeenNonces instance = i % 2 == 0 ? first : second;
            String nonce = i < 20 ? "the-same-nonce-0001" : "nonce-of-request-" + i;
            uses.add(() -> instance.firstUse("xj-tiemenguan-platform", nonce, NOW.plusSeconds(600)));
        }
        List<Boolean> accepted = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(16)) {
            for (Future<Boolean> use : threads.invokeAll(uses)) {
                accepted.add(use.get());
            }
        }

        assertThat(accepted.subList(0, 20)).containsOnlyOnce(true);
        assertThat(accepted.subList(20, 40)).containsOnly(true);
        assertThat(first.firstUse("gs-jiuquan-platform", "the-same-nonce-0001", NOW.plusSeconds(600)))
                .as("another channel's nonce").isTrue();
    }

    @Test
    void forgetsANonceOnceItsWindowHasPassed() {
        SeenNonces nonces = new SeenNonces(mongo);
        nonces.firstUse("xj-tiemenguan-platform", "old-nonce-000000001", NOW.minus(Duration.ofMinutes(1)));
        nonces.firstUse("xj-tiemenguan-platform", "new-nonce-000000001", NOW.plus(Duration.ofMinutes(9)));

        assertThat(nonces.removeExpired(NOW)).isEqualTo(1);
        assertThat(mongo.indexOps(SeenNonces.COLLECTION).getIndexInfo())
                .anySatisfy(index -> assertThat(index.isIndexForFields(List.of("forgetAfter"))).isTrue());
        assertThat(nonces.firstUse("xj-tiemenguan-platform", "new-nonce-000000001", NOW.plusSeconds(600))).isFalse();
        assertThat(nonces.firstUse("xj-tiemenguan-platform", "old-nonce-000000001", NOW.plusSeconds(600))).isTrue();
    }
}
