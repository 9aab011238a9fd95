package org.mtb.notification.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.mtb.contracts.Channel;
import org.mtb.contracts.DiseaseCategory;
import org.mtb.contracts.InsuranceType;
import org.mtb.contracts.intake.Applicant;
import org.mtb.contracts.intake.ApplicationSubmitted;
import org.mtb.contracts.intake.Hospital;
import org.mtb.notification.sms.SmsReceipt;
import org.mtb.stack.EmbeddedMongo;
import org.mtb.support.testing.TestClock;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A Kafka poll's events told with one MongoDB command per step for the whole poll, as the commands on the wire show;
 * a replayed event only reads.
 */
class NotifierBatchTests {

    private static final EmbeddedMongo MONGO = EmbeddedMongo.inMemory();
    /** The names of the commands each test database received, in order. */
    private static final Map<String, List<String>> COMMANDS = new ConcurrentHashMap<>();
    private static final MongoClient CLIENT = MongoClients.create(MongoClientSettings.builder()
            .applyConnectionString(new ConnectionString(MONGO.uri("admin")))
            .addCommandListener(new CommandListener() {
                @Override
                public void commandStarted(CommandStartedEvent event) {
                    COMMANDS.computeIfAbsent(event.getDatabaseName(), database -> new CopyOnWriteArrayList<>())
                            .add(event.getCommandName());
                }
            })
            .build());
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final SmsDeliveryProperties PROPERTIES = new SmsDeliveryProperties(5, Duration.ofSeconds(5),
            Duration.ofMinutes(10), Duration.ofMinutes(1));
    /** Storing a poll's messages and sending its SMS, one command per step whatever the poll's size. */
    private static final List<String> FIRST_DELIVERY =
            List.of("find", "update", "update", "insert", "find", "update", "delete");

    private final String database = "batch_" + DATABASES.incrementAndGet();
    private final TestClock clock = TestClock.at("2026-11-30T02:00:00Z");
    private final MongoTemplate mongo = new MongoTemplate(CLIENT, database);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<String> sent = new CopyOnWriteArrayList<>();
    private final Messages messages = new Messages(mongo);
    private final Notifier notifier = new Notifier(new MessageBatches(mongo, messages),
            MessageTemplates.fromClasspath(), new SmsDelivery(messages, (phone, text) -> {
                sent.add(text);
                return new SmsReceipt("p-" + sent.size());
            }, PROPERTIES, clock, meters), PROPERTIES, clock, meters);

    NotifierBatchTests() {
        messages.afterSingletonsInstantiated();
    }

    @Test
    void storesAndSendsAPollWithOneCommandPerStep() {
        List<ApplicationSubmitted> poll = List.of(submitted("659006-20261130-100001"),
                submitted("659006-20261130-100002"), submitted("659006-20261130-100003"));
        COMMANDS.remove(database);

        notifier.submittedAll(poll);

        assertThat(commands()).containsExactlyElementsOf(FIRST_DELIVERY);
        assertThat(sent).hasSize(3);
        assertThat(messages.forApplication(org.mtb.support.security.SignedInRequests.everyRoleCaller(), "659006-20261130-100002", Optional.empty()))
                .extracting(ApplicantMessage::channel, ApplicantMessage::status, ApplicantMessage::attempts)
                .containsExactlyInAnyOrder(tuple(DeliveryChannel.IN_APP, MessageStatus.SENT, 1),
                        tuple(DeliveryChannel.SMS, MessageStatus.SENT, 1));
        assertThat(mongo.getCollection(Messages.SMS_DUE).countDocuments()).isZero();
    }

    @Test
    void onlyReadsWhenAPollIsReplayed() {
        List<ApplicationSubmitted> poll = List.of(submitted("659006-20261130-100004"),
                submitted("659006-20261130-100005"));
        notifier.submittedAll(poll);
        COMMANDS.remove(database);

        notifier.submittedAll(poll);

        assertThat(commands()).containsExactly("find");
        assertThat(sent).hasSize(2);
        assertThat(meters.counter("notification.events.duplicates").count()).isEqualTo(2.0);
    }

    @Test
    void storesOnlyTheNewEventsOfAPollThatRepeatsEvents() {
        ApplicationSubmitted handled = submitted("659006-20261130-100006");
        ApplicationSubmitted fresh = submitted("659006-20261130-100007");
        notifier.submittedAll(List.of(handled));
        COMMANDS.remove(database);

        notifier.submittedAll(List.of(handled, fresh, fresh));

        assertThat(commands()).containsExactlyElementsOf(FIRST_DELIVERY);
        assertThat(sent).hasSize(2).anySatisfy(text -> assertThat(text).contains("659006-20261130-100006"))
                .anySatisfy(text -> assertThat(text).contains("659006-20261130-100007"));
        assertThat(messages.forApplication(org.mtb.support.security.SignedInRequests.everyRoleCaller(), "659006-20261130-100007", Optional.empty())).hasSize(2);
        assertThat(meters.counter("notification.events.duplicates").count()).isEqualTo(2.0);
    }

    private List<String> commands() {
        return COMMANDS.getOrDefault(database, List.of());
    }

    private ApplicationSubmitted submitted(String number) {
        Instant now = clock.instant();
        return new ApplicationSubmitted(UUID.randomUUID(), ApplicationSubmitted.SCHEMA_VERSION, now, number, "659006",
                "M01200", "血友病", DiseaseCategory.SPECIAL,
                new Applicant("11010519491231002X", "张三", "13800138000", InsuranceType.RESIDENT),
                new Hospital("第二师医院", 3), "血友病A型，需长期替代治疗", Channel.APP, now, null);
    }
}
