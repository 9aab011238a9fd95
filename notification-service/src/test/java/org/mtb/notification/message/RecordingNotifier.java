package org.mtb.notification.message;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.mtb.contracts.SealedField;
import org.mtb.contracts.intake.Agent;
import org.mtb.contracts.intake.Applicant;
import org.mtb.contracts.intake.ApplicationSubmitted;
import org.mtb.contracts.review.ApplicationDecided;
import org.mtb.contracts.review.ObjectionRaised;
import org.mtb.contracts.review.ObjectionSettled;
import org.mtb.contracts.review.PublicNoticeStarted;
import org.mtb.contracts.review.QualificationExpired;
import org.mtb.contracts.review.QualificationGranted;
import org.mtb.contracts.review.QualificationRevoked;
import org.mtb.contracts.review.RecheckDue;
import org.mtb.contracts.review.Recipient;
import org.mtb.contracts.review.ReviewExtended;
import org.mtb.notification.sms.SmsReceipt;
import org.mtb.stack.EmbeddedMongo;
import org.mtb.support.crypto.BlindIndex;
import org.mtb.support.crypto.FieldCipher;
import org.mtb.support.crypto.TestKeyRing;
import org.mtb.support.security.SignedInRequests;
import org.mtb.support.testing.TestClock;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * A {@link Notifier} on a database of its own in an in-JVM MongoDB, wired as the service wires it, with a gateway that
 * records each SMS text and the phone it was opened for; and the contracts' golden fixtures of review's events, told
 * through the check and the entry point their binding uses. Every fixture is told for {@value #NUMBER}, whose phone
 * is sealed from {@value #PHONE} with the test key ring.
 */
final class RecordingNotifier {

    static final String NUMBER = "620900-20261123-000001";
    static final String PHONE = "13800138000";

    private static final EmbeddedMongo MONGO = EmbeddedMongo.inMemory();
    private static final MongoClient CLIENT = MongoClients.create(MONGO.uri("admin"));
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final SmsDeliveryProperties PROPERTIES = new SmsDeliveryProperties(5, Duration.ofSeconds(5),
            Duration.ofMinutes(10), Duration.ofMinutes(1));
    private static final Path FIXTURES = Path.of("../contracts/src/test/resources/events");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    final TestClock clock;
    final MongoTemplate mongo = new MongoTemplate(CLIENT, "recording_" + DATABASES.incrementAndGet());
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    /** The SMS texts handed to the gateway, in order. */
    final List<String> sent = new CopyOnWriteArrayList<>();
    /** The phones they were opened for, in the same order. */
    final List<String> phones = new CopyOnWriteArrayList<>();
    final TestKeyRing keys = new TestKeyRing();
    final FieldCipher cipher = new FieldCipher(keys);
    final BlindIndex blindIndex = new BlindIndex(keys);
    final Messages messages = new Messages(mongo, blindIndex);
    final Notifier notifier;

    /** At the moment of the golden fixtures (2026-12-10T06:30:00Z). */
    RecordingNotifier() {
        this("2026-12-10T06:30:00Z");
    }

    RecordingNotifier(String now) {
        clock = TestClock.at(now);
        MessagePhones messagePhones = new MessagePhones(cipher);
        messages.afterSingletonsInstantiated();
        notifier = new Notifier(new MessageBatches(mongo, messages), MessageTemplates.fromClasspath(),
                new SmsDelivery(messages, (phone, text) -> {
                    sent.add(text);
                    phones.add(phone);
                    return new SmsReceipt("p-" + sent.size());
                }, PROPERTIES, clock, meters, messagePhones), PROPERTIES, clock, meters, messagePhones);
    }

    /** Tells a fixture of review's events as its binding does. */
    void tell(String fixture) {
        switch (fixture) {
            case "application-decided.v2-approved-noticed.json" ->
                    notifier.decidedAll(List.of(EventChecks.checked(read(fixture, ApplicationDecided.class))));
            case "review-extended.v1.json" ->
                    notifier.reviewExtendedAll(List.of(EventChecks.checked(read(fixture,
                            ReviewExtended.class))));
            case "public-notice-started.v1.json" -> notifier.publicNoticeStartedAll(
                    List.of(EventChecks.checked(read(fixture, PublicNoticeStarted.class))));
            case "objection-raised.v1.json" ->
                    notifier.objectionRaisedAll(List.of(EventChecks.checked(read(fixture, ObjectionRaised.class))));
            case "objection-settled.v1.json" ->
                    notifier.objectionSettledAll(List.of(EventChecks.checked(read(fixture, ObjectionSettled.class))));
            case "qualification-granted.v1.json" -> notifier.qualificationGrantedAll(
                    List.of(EventChecks.checked(read(fixture, QualificationGranted.class))));
            case "qualification-revoked.v1.json" -> notifier.qualificationRevokedAll(
                    List.of(EventChecks.checked(read(fixture, QualificationRevoked.class))));
            case "recheck-due.v1.json" ->
                    notifier.recheckDueAll(List.of(EventChecks.checked(read(fixture, RecheckDue.class))));
            case "qualification-expired.v1.json" -> notifier.qualificationExpiredAll(
                    List.of(EventChecks.checked(read(fixture, QualificationExpired.class))));
            default -> throw new IllegalArgumentException("No binding for " + fixture);
        }
    }

    static <T> T read(String fixture, Class<T> type) {
        try {
            return JSON.readValue(Files.readString(FIXTURES.resolve(fixture)), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The messages of {@value #NUMBER}, as staff of every role read them. */
    List<ApplicantMessage> stored() {
        return messages.forApplication(SignedInRequests.everyRoleCaller(), NUMBER, Optional.empty());
    }

    ApplicantMessage inApp(EventType type) {
        return stored().stream().filter(m -> m.eventType() == type && m.channel() == DeliveryChannel.IN_APP)
                .findFirst().orElseThrow();
    }

    /** Every stored message, as the database holds it. */
    String everythingStored() {
        return mongo.getCollection(ApplicantMessage.COLLECTION).find().into(new ArrayList<>()).toString();
    }

    /**
     * Tells the submission of {@value #NUMBER} by an agent (代办人, 李四) with {@code agentPhone}, as intake sends it,
     * so that the events after it are told to the agent too; forgets its SMS.
     */
    void submittedByAgent(String agentPhone) {
        ApplicationSubmitted fixture = read("application-submitted.v2.json", ApplicationSubmitted.class);
        Agent agent = new Agent(cipher.seal("110105198001011234", SealedField.AGENT_ID_NUMBER.context(NUMBER)),
                cipher.seal("李四", SealedField.AGENT_NAME.context(NUMBER)),
                cipher.seal(agentPhone, SealedField.AGENT_PHONE.context(NUMBER)), Agent.Relationship.CHILD,
                Applicant.Masked.of("110105198001011234", "李四", agentPhone));
        notifier.submittedAll(List.of(EventChecks.checked(new ApplicationSubmitted(fixture.eventId(),
                fixture.schemaVersion(), fixture.occurredAt(), NUMBER, fixture.regionCode(), fixture.diseaseCode(),
                fixture.diseaseName(), fixture.diseaseCategory(), fixture.applicant(), fixture.hospital(),
                fixture.conditionSummary(), fixture.channel(), fixture.submittedAt(), fixture.submittedBy(), null, null,
                null, agent))));
        sent.clear();
        phones.clear();
    }

    /** As review sends it: the phone sealed as intake sealed it, the name masked. */
    Recipient recipient() {
        return new Recipient(null, cipher.seal(PHONE, SealedField.PHONE.context(NUMBER)), "张*", "138****8000");
    }
}
