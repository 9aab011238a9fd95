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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.mtb.contracts.SealedField;
import org.mtb.support.crypto.BlindIndex;
import org.mtb.support.crypto.FieldCipher;
import org.mtb.support.crypto.TestKeyRing;
import org.mtb.contracts.Channel;
import org.mtb.contracts.DiseaseCategory;
import org.mtb.contracts.InsuranceType;
import org.mtb.contracts.intake.Agent;
import org.mtb.contracts.intake.Applicant;
import org.mtb.contracts.intake.ApplicationSubmitted;
import org.mtb.contracts.intake.Hospital;
import org.mtb.contracts.review.ApplicationDecided;
import org.mtb.contracts.review.DecisionOutcome;
import org.mtb.contracts.review.Recipient;
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
            List.of("find", "update", "update", "insert", "update", "delete");

    private final String database = "batch_" + DATABASES.incrementAndGet();
    private final TestClock clock = TestClock.at("2026-11-30T02:00:00Z");
    private final MongoTemplate mongo = new MongoTemplate(CLIENT, database);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<String> sent = new CopyOnWriteArrayList<>();
    private final List<String> phones = new CopyOnWriteArrayList<>();
    private final TestKeyRing keys = new TestKeyRing();
    private final FieldCipher cipher = new FieldCipher(keys);
    private final MessagePhones messagePhones = new MessagePhones(cipher);
    private final Messages messages = new Messages(mongo, new BlindIndex(keys));
    private final Notifier notifier = new Notifier(new MessageBatches(mongo, messages),
            MessageTemplates.fromClasspath(), new SmsDelivery(messages, (phone, text) -> {
                sent.add(text);
                phones.add(phone);
                return new SmsReceipt("p-" + sent.size());
            }, PROPERTIES, clock, meters, messagePhones), PROPERTIES, clock, meters, messagePhones);

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
        assertThat(sent).hasSize(3).allSatisfy(text -> assertThat(text).contains("张*").doesNotContain("张三"));
        assertThat(phones).as("opened for the gateway only").containsOnly("13800138000");
        assertThat(mongo.getCollection("messages").find().into(new ArrayList<>()).toString())
                .as("stored sealed").doesNotContain("13800138000", "张三", "11010519491231002X");
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

    @Test
    void tellsAPollsAgentsWithTheSameCommandsAndReadsThemBackForLaterEventsInOneQuery() {
        List<String> numbers = List.of("659006-20261130-100008", "659006-20261130-100009");
        List<ApplicationSubmitted> submissions = numbers.stream().map(this::submittedByAnAgent).toList();
        COMMANDS.remove(database);

        notifier.submittedAll(submissions);

        assertThat(commands()).containsExactlyElementsOf(FIRST_DELIVERY);
        COMMANDS.remove(database);

        notifier.decidedAll(numbers.stream().map(this::approved).toList());

        List<String> withTheAgents = new ArrayList<>(List.of("find"));
        withTheAgents.addAll(FIRST_DELIVERY);
        assertThat(commands()).containsExactlyElementsOf(withTheAgents);
        assertThat(phones).filteredOn("13912345678"::equals).as("each event told to the agent too").hasSize(4);
        assertThat(sent).hasSize(8).filteredOn(text -> text.contains("李*您好，您为张*代办的")).hasSize(4);
    }

    private List<String> commands() {
        return COMMANDS.getOrDefault(database, List.of());
    }

    private ApplicationSubmitted submitted(String number) {
        Instant now = clock.instant();
        return new ApplicationSubmitted(UUID.randomUUID(), ApplicationSubmitted.SCHEMA_VERSION, now, number, "659006",
                "M01200", "血友病", DiseaseCategory.SPECIAL,
                new Applicant(cipher.seal("11010519491231002X", SealedField.ID_NUMBER.context(number)),
                        cipher.seal("张三", SealedField.NAME.context(number)),
                        cipher.seal("13800138000", SealedField.PHONE.context(number)), InsuranceType.RESIDENT,
                        new BlindIndex(keys).ofIdNumber("11010519491231002X"),
                        Applicant.Masked.of("11010519491231002X", "张三", "13800138000")),
                new Hospital("第二师医院", 3, null), cipher.seal("血友病A型，需长期替代治疗",
                        SealedField.CONDITION_SUMMARY.context(number)), Channel.APP, now, null);
    }

    private ApplicationSubmitted submittedByAnAgent(String number) {
        ApplicationSubmitted event = submitted(number);
        Agent agent = new Agent(cipher.seal("110105198001011234", SealedField.AGENT_ID_NUMBER.context(number)),
                cipher.seal("李四", SealedField.AGENT_NAME.context(number)),
                cipher.seal("13912345678", SealedField.AGENT_PHONE.context(number)), Agent.Relationship.SPOUSE,
                Applicant.Masked.of("110105198001011234", "李四", "13912345678"));
        return new ApplicationSubmitted(event.eventId(), event.schemaVersion(), event.occurredAt(), number,
                event.regionCode(), event.diseaseCode(), event.diseaseName(), event.diseaseCategory(), event.applicant(),
                event.hospital(), event.conditionSummary(), event.channel(), event.submittedAt(), null, null, null, null,
                agent);
    }

    private ApplicationDecided approved(String number) {
        return new ApplicationDecided(UUID.randomUUID(), ApplicationDecided.SCHEMA_VERSION, clock.instant(), number,
                "659006", "M01200", "血友病", DecisionOutcome.APPROVED, List.of(), "expert-1", clock.instant(),
                new Recipient(null, cipher.seal("13800138000", SealedField.PHONE.context(number)), "张*",
                        "138****8000"));
    }
}
