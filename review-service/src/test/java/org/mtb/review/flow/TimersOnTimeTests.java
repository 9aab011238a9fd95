package org.mtb.review.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.mtb.contracts.DiseaseCategory;
import org.mtb.contracts.catalog.ReviewTimeLimit;
import org.mtb.review.sla.SlaCases;
import org.mtb.review.sla.SlaClock;
import org.mtb.review.sla.SlaState;
import org.mtb.review.timer.DueTimer;
import org.mtb.review.timer.DueTimers;
import org.mtb.stack.EmbeddedMongo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * SLA timers fire on time while another scheduled task of the service takes its time, as the hourly recount over a
 * region's whole backlog, or any task waiting on a slow store, does.
 */
@DirtiesContext
@EmbeddedKafka(partitions = 1)
@SpringBootTest(classes = {org.mtb.review.ReviewServiceApplication.class, TimersOnTimeTests.SlowTask.class})
class TimersOnTimeTests {

    static final EmbeddedMongo MONGO = EmbeddedMongo.inMemory();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MONGO.uri("mtb_review_timers_on_time"));
        registry.add("spring.cloud.stream.kafka.binder.brokers", () -> System.getProperty("spring.embedded.kafka.brokers"));
    }

    @Autowired
    MongoTemplate mongo;

    @Autowired
    DueTimers timers;

    @Test
    void firesAWarningWithinASecondWhileAnotherScheduledTaskTakesSecondsARound() {
        Instant now = Instant.now();
        Instant warnAt = now.plusMillis(2500);
        SlaClock sla = new SlaClock(new ReviewTimeLimit(DiseaseCategory.SPECIAL, ReviewTimeLimit.Kind.IMMEDIATE, null),
                now, now, warnAt, now.plus(Duration.ofHours(1)), false, 0, 1, SlaState.ON_TIME, null, null);
        mongo.insert(new Document("_id", "990501-20261130-000001").append("regionCode", "990501")
                .append("diseaseCategory", "SPECIAL").append("submittedAt", now).append("status", "OPEN")
                .append("sla", mongo.getConverter().convertToMongoType(sla)).append("version", 0L)
                .append("outbox", List.of()), SlaCases.COLLECTION);
        timers.schedule(List.of(new DueTimer("990501-20261130-000001", SlaClock.WARNING, 1, warnAt)));

        Document warned = await().atMost(Duration.ofSeconds(20)).until(() -> {
            Document c = mongo.findById("990501-20261130-000001", Document.class, SlaCases.COLLECTION);
            return c.get("sla", Document.class).getDate("warnedAt") == null ? null : c;
        }, c -> c != null);

        Instant firedAt = warned.get("sla", Document.class).getDate("warnedAt").toInstant();
        assertThat(Duration.between(warnAt, firedAt)).isLessThan(Duration.ofSeconds(1));
    }

    /** A scheduled task that takes three seconds a round. */
    @TestConfiguration(proxyBeanMethods = false)
    static class SlowTask {

        @Scheduled(fixedDelay = 10)
        void recountsAHugeBacklog() throws InterruptedException {
            Thread.sleep(3000);
        }
    }
}
