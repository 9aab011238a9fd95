package org.mtb.intake.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.mtb.stack.EmbeddedMongo;
import org.springframework.data.mongodb.core.MongoTemplate;

class ApplicationNumbersTests {

    private static final EmbeddedMongo MONGO = EmbeddedMongo.inMemory();
    private static final MongoClient CLIENT = MongoClients.create(MONGO.uri("admin"));
    private static final LocalDate DAY = LocalDate.of(2026, 11, 30);
    private static final IntakeProperties PROPERTIES = new IntakeProperties(128, ZoneId.of("Asia/Shanghai"), 50);

    private final MongoTemplate mongo = new MongoTemplate(CLIENT, "numbers_" + System.nanoTime());

    @AfterAll
    static void stop() {
        CLIENT.close();
        MONGO.close();
    }

    @Test
    void numbersADaysFirstApplicationOneAndTheNextInOrder() {
        ApplicationNumbers numbers = new ApplicationNumbers(mongo, PROPERTIES);

        assertThat(numbers.next("659006", DAY)).isEqualTo("659006-20261130-000001");
        assertThat(numbers.next("659006", DAY)).isEqualTo("659006-20261130-000002");
        assertThat(numbers.next("620900", DAY)).isEqualTo("620900-20261130-000001");
        assertThat(numbers.next("659006", DAY.plusDays(1))).isEqualTo("659006-20261201-000001");
    }

    @Test
    void neverHandsOutANumberTwiceAcrossThreadsInstancesAndRestarts() throws Exception {
        ApplicationNumbers first = new ApplicationNumbers(mongo, PROPERTIES);
        ApplicationNumbers second = new ApplicationNumbers(mongo, PROPERTIES);
        Set<String> handedOut = ConcurrentHashMap.newKeySet();
        List<String> all = java.util.Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            List<Future<?>> calls = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                ApplicationNumbers instance = t % 2 == 0 ? first : second;
                calls.add(threads.submit(() -> {
                    for (int i = 0; i < 300; i++) {
                        String number = instance.next("659006", DAY);
                        handedOut.add(number);
                        all.add(number);
                    }
                }));
            }
            for (Future<?> call : calls) {
                call.get();
            }
        }
        assertThat(all).hasSize(2_400);
        assertThat(handedOut).hasSize(2_400).allMatch(n -> n.matches("659006-20261130-\\d{6}"));

        // A restarted instance starts after every block reserved before, skipping what was left of them.
        String afterRestart = new ApplicationNumbers(mongo, PROPERTIES).next("659006", DAY);
        assertThat(handedOut).noneMatch(afterRestart::equals);
        assertThat(afterRestart.compareTo(handedOut.stream().max(String::compareTo).orElseThrow())).isPositive();
    }
}
