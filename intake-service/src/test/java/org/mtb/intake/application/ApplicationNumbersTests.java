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

    @Test
    void reservesTheNextBlockOnceHalfABlockIsHandedOutAndNumbersFromItWithoutAnotherReservation() throws Exception {
        ApplicationNumbers numbers = new ApplicationNumbers(mongo, PROPERTIES);

        for (int i = 1; i <= 25; i++) {
            numbers.next("659006", DAY);
        }
        assertThat(reserved("659006-20261130")).isEqualTo(50);

        // The 26th of a block of 50 starts the reservation of the next block, in the background.
        assertThat(numbers.next("659006", DAY)).isEqualTo("659006-20261130-000026");
        awaitReserved("659006-20261130", 100);
        for (int i = 27; i <= 50; i++) {
            numbers.next("659006", DAY);
        }
        assertThat(numbers.next("659006", DAY)).isEqualTo("659006-20261130-000051");
        assertThat(reserved("659006-20261130")).as("the block reserved ahead is used, none reserved now").isEqualTo(100);

        for (int i = 52; i <= 76; i++) {
            numbers.next("659006", DAY);
        }
        awaitReserved("659006-20261130", 150);
        for (int i = 77; i <= 101; i++) {
            assertThat(numbers.next("659006", DAY)).isEqualTo("659006-20261130-%06d".formatted(i));
        }
        assertThat(reserved("659006-20261130")).isEqualTo(150);
    }

    @Test
    void aBlockOfOneReservesItsSuccessorWithItsOnlyNumber() throws Exception {
        ApplicationNumbers numbers = new ApplicationNumbers(mongo, new IntakeProperties(128, ZoneId.of("Asia/Shanghai"),
                1));

        assertThat(numbers.next("620900", DAY)).isEqualTo("620900-20261130-000001");
        awaitReserved("620900-20261130", 2);
        assertThat(numbers.next("620900", DAY)).isEqualTo("620900-20261130-000002");
        awaitReserved("620900-20261130", 3);
        assertThat(numbers.next("620900", DAY)).isEqualTo("620900-20261130-000003");
    }

    @Test
    void aFailedReservationAheadIsMadeGoodWhenTheBlockRunsOut() {
        java.util.concurrent.atomic.AtomicInteger reservations = new java.util.concurrent.atomic.AtomicInteger();
        MongoTemplate failingOnce = new MongoTemplate(CLIENT, mongo.getDb().getName()) {
            @Override
            public <T> T findAndModify(org.springframework.data.mongodb.core.query.Query query,
                    org.springframework.data.mongodb.core.query.UpdateDefinition update,
                    org.springframework.data.mongodb.core.FindAndModifyOptions options, Class<T> entityClass,
                    String collectionName) {
                if (reservations.incrementAndGet() == 2) {
                    throw new org.springframework.dao.DataAccessResourceFailureException("MongoDB is away");
                }
                return super.findAndModify(query, update, options, entityClass, collectionName);
            }
        };
        ApplicationNumbers numbers = new ApplicationNumbers(failingOnce, PROPERTIES);

        for (int i = 1; i <= 50; i++) {
            assertThat(numbers.next("659006", DAY)).isEqualTo("659006-20261130-%06d".formatted(i));
        }
        assertThat(numbers.next("659006", DAY)).isEqualTo("659006-20261130-000051");
        assertThat(reservations).hasValueGreaterThanOrEqualTo(3);
    }

    private long reserved(String counter) {
        org.bson.Document document = mongo.findById(counter, org.bson.Document.class, "application_counters");
        return document == null ? 0 : ((Number) document.get("sequence")).longValue();
    }

    private void awaitReserved(String counter, long sequence) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (reserved(counter) != sequence && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(reserved(counter)).isEqualTo(sequence);
    }
}
