package org.mtb.review.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mtb.contracts.Channel;
import org.mtb.contracts.DiseaseCategory;
import org.mtb.contracts.InsuranceType;
import org.mtb.contracts.Topics;
import org.mtb.contracts.intake.Applicant;
import org.mtb.contracts.intake.ApplicationSubmitted;
import org.mtb.contracts.intake.Hospital;
import org.mtb.contracts.review.SlaBreached;
import org.mtb.contracts.review.SlaWarning;
import org.mtb.review.ReviewServiceApplication;
import org.mtb.review.TestCatalogs;
import org.mtb.stack.EmbeddedMongo;
import org.mtb.stack.KafkaTestClient;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.test.context.EmbeddedKafka;
import tools.jackson.databind.json.JsonMapper;

/**
 * SLA timers of two whole review-service instances sharing one MongoDB and one Kafka: each timer fires once, within
 * a second of its due moment. Special diseases are due at once, with a grace of a few seconds, in a calendar where
 * every moment is working time, so that the test does not depend on the day it runs. (Timers that fell due while no
 * instance ran, and the other rules of timers, are shown with a clock the test moves: DueTimerPollerTests,
 * SlaTimerHandlerTests.)
 */
@EmbeddedKafka(partitions = 3)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlaTimersTests {

    private static final EmbeddedMongo MONGO = EmbeddedMongo.inMemory();

    private final JsonMapper json = JsonMapper.builder().build();
    private KafkaTestClient kafka;

    @BeforeAll
    void connect() {
        kafka = new KafkaTestClient(brokers());
    }

    @AfterAll
    void disconnect() {
        kafka.close();
    }

    @Test
    void tellsEachTimerOnceWithTwoInstancesAndWithinASecond() throws Exception {
        String region = "990001";
        try (var first = start("mtb_review_two", "4s"); var second = start("mtb_review_two", "4s")) {
            publishPolicyAndCalendar(first, region);
            List<String> numbers = submitSpecialCases(region, 40);

            List<SlaBreached> breaches = await().atMost(Duration.ofSeconds(40)).until(
                    () -> read(Topics.SLA_BREACHED, SlaBreached.class, numbers), list -> list.size() >= numbers.size());

            // Read until nothing new arrived for 1.5 s. Both instances fire every timer and send its event at once
            // (before the case is written, for speed), so the other instance's copy may show here, but as the same
            // event: one id per timer, which consumers keep once.
            List<SlaBreached> all = read(Topics.SLA_BREACHED, SlaBreached.class, numbers, Duration.ofMillis(1500));
            assertThat(all.stream().map(SlaBreached::eventId).distinct()).hasSize(numbers.size());
            assertThat(all).extracting(SlaBreached::applicationNumber)
                    .hasSameElementsAs(numbers);
            assertThat(all.stream().collect(java.util.stream.Collectors.groupingBy(SlaBreached::applicationNumber,
                    java.util.stream.Collectors.mapping(SlaBreached::eventId, java.util.stream.Collectors.toSet()))))
                    .allSatisfy((number, ids) -> assertThat(ids).as("event ids of %s", number).hasSize(1));
            assertThat(read(Topics.SLA_WARNING, SlaWarning.class, numbers).stream().map(SlaWarning::eventId)
                    .distinct()).hasSize(numbers.size());
            for (SlaBreached breach : breaches) {
                assertThat(Duration.between(breach.dueAt(), breach.occurredAt()))
                        .as("lateness of %s", breach.applicationNumber()).isLessThan(Duration.ofSeconds(1));
            }
        }
    }

    private ConfigurableApplicationContext start(String database, String grace) {
        return new SpringApplicationBuilder(ReviewServiceApplication.class).run(
                "--server.port=0",
                "--spring.mongodb.uri=" + MONGO.uri(database),
                "--spring.cloud.stream.kafka.binder.brokers=" + brokers(),
                "--review.sla.immediate-grace=" + grace);
    }

    private void publishPolicyAndCalendar(ConfigurableApplicationContext service, String region) throws Exception {
        kafka.send(Topics.CATALOG_PUBLISHED, region, json.writeValueAsString(TestCatalogs.catalog(region)));
        kafka.send(Topics.CALENDAR_PUBLISHED, region, json.writeValueAsString(TestCatalogs.alwaysWorking(region, 1)));
        MongoTemplate mongo = service.getBean(MongoTemplate.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.exists(Query.query(Criteria.where("_id").is(region)),
                "region_policies") && mongo.exists(Query.query(Criteria.where("_id").is(region)), "region_calendars"));
    }

    private List<String> submitSpecialCases(String region, int count) throws Exception {
        List<String> numbers = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            Instant now = Instant.now();
            String number = region + "-20261123-%06d".formatted(i);
            ApplicationSubmitted submitted = new ApplicationSubmitted(UUID.randomUUID(), 1, now, number, region,
                    "M01200", "血友病", DiseaseCategory.SPECIAL,
                    new Applicant("11010519491231002X", "张三", "13800138000", InsuranceType.RESIDENT, null, null),
                    new Hospital("第二师医院", 3, null), "血友病A型", Channel.APP, now, null);
            kafka.send(Topics.APPLICATION_SUBMITTED, number, json.writeValueAsString(submitted));
            numbers.add(number);
        }
        return numbers;
    }

    private <T> List<T> read(String topic, Class<T> type, List<String> numbers) {
        return read(topic, type, numbers, Duration.ofMillis(500));
    }

    private <T> List<T> read(String topic, Class<T> type, List<String> numbers, Duration quiet) {
        List<T> events = new ArrayList<>();
        for (ConsumerRecord<String, String> record : kafka.readAll(topic, quiet)) {
            if (numbers.contains(record.key())) {
                events.add(json.readValue(record.value(), type));
            }
        }
        return events;
    }

    private static String brokers() {
        return System.getProperty("spring.embedded.kafka.brokers");
    }
}
