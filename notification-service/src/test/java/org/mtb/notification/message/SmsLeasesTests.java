package org.mtb.notification.message;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.mtb.support.crypto.BlindIndex;
import org.mtb.support.crypto.FieldCipher;
import org.mtb.support.crypto.TestKeyRing;
import org.mtb.contracts.review.ApplicationDecided;
import org.mtb.contracts.review.DecisionOutcome;
import org.mtb.contracts.review.Recipient;
import org.mtb.notification.sms.SmsGateway;
import org.mtb.notification.sms.SmsReceipt;
import org.mtb.stack.EmbeddedMongo;
import org.mtb.support.testing.TestClock;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Two notification-service instances on one database, a gateway that takes its time (the test moves the clock while
 * it "sends", and lets the other instance's retry job run meanwhile): each SMS is sent once.
 */
class SmsLeasesTests {

    private static final EmbeddedMongo MONGO = EmbeddedMongo.inMemory();
    private static final MongoClient CLIENT = MongoClients.create(MONGO.uri("admin"));
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final SmsDeliveryProperties PROPERTIES = new SmsDeliveryProperties(5, Duration.ofSeconds(5),
            Duration.ofMinutes(10), Duration.ofMinutes(1));

    private final TestClock clock = TestClock.at("2026-11-30T02:00:00Z");
    private final MongoTemplate mongo = new MongoTemplate(CLIENT, "sms_" + DATABASES.incrementAndGet());
    private final SlowGateway gateway = new SlowGateway();
    private final Instance first = new Instance();
    private final Instance second = new Instance();

    @Test
    void sendsTheFirstSmsOnceWhileTheOtherInstanceLooksForSmsToRetry() {
        gateway.takes(Duration.ofSeconds(15), second.retryJob::retryDue);

        tell(first.notifier, decided("659006-20261130-000001"));

        assertThat(gateway.sent).hasSize(1);
        assertThat(first.messages.forApplication(org.mtb.support.security.SignedInRequests.everyRoleCaller(), "659006-20261130-000001", java.util.Optional.of(DeliveryChannel.SMS)))
                .singleElement().satisfies(sms -> assertThat(sms.status()).isEqualTo(MessageStatus.SENT));
    }

    @Test
    void sendsEachSmsOfASlowRetryBatchOnce() {
        String one = failedSms("659006-20261130-000002");
        String two = failedSms("659006-20261130-000003");
        clock.advance(Duration.ofMinutes(1));
        // Each send takes 40 s of the one-minute lease; while the second is on its way, the other instance looks.
        gateway.takes(Duration.ofSeconds(40), null);
        gateway.onSend(2, second.retryJob::retryDue);

        first.retryJob.retryDue();

        assertThat(gateway.sent).containsExactlyInAnyOrder(one, two);
    }

    @Test
    void removesDueEntriesWhoseMessageWasNeverStoredSoThatTheyHoldUpNoRetry() {
        for (int i = 0; i < 60; i++) {
            mongo.insert(new Document("_id", UUID.randomUUID() + ":SMS").append("nextAttemptAt",
                    clock.instant().minus(Duration.ofMinutes(10))), Messages.SMS_DUE);
        }
        String failed = failedSms("659006-20261130-000004");
        clock.advance(Duration.ofMinutes(1));

        first.retryJob.retryDue();
        first.retryJob.retryDue();

        assertThat(gateway.sent).containsExactly(failed);
        assertThat(mongo.getCollection(Messages.SMS_DUE).countDocuments()).isZero();
    }

    @Test
    void takesOverTheDueEntryAnEarlierDeliveryLeftBeforeItDiedAndSendsOnce() {
        ApplicationDecided event = decided("659006-20261130-000005");
        // The first delivery of the event wrote the due entry, then its instance died before storing the SMS.
        mongo.insert(new Document("_id", ApplicantMessage.idOf(event.eventId(), DeliveryChannel.SMS))
                .append("nextAttemptAt", clock.instant()), Messages.SMS_DUE);
        clock.advance(Duration.ofMinutes(2));
        gateway.takes(Duration.ofSeconds(5), second.retryJob::retryDue);

        tell(first.notifier, event);

        assertThat(gateway.sent).hasSize(1);
    }

    @Test
    void keepsTheOutcomeOfTheSendThatWonWhenALateOneFails() {
        // The first send outlives its lease; meanwhile the other instance sends the SMS; then the first fails.
        gateway.takes(Duration.ofSeconds(70), second.retryJob::retryDue);
        gateway.failAfterMeanwhile();

        tell(first.notifier, decided("659006-20261130-000006"));
        clock.advance(Duration.ofMinutes(30));
        first.retryJob.retryDue();
        second.retryJob.retryDue();

        assertThat(gateway.sent).hasSize(1);
        assertThat(first.messages.forApplication(org.mtb.support.security.SignedInRequests.everyRoleCaller(), "659006-20261130-000006", java.util.Optional.of(DeliveryChannel.SMS)))
                .singleElement().satisfies(sms -> assertThat(sms.status()).isEqualTo(MessageStatus.SENT));
        assertThat(mongo.getCollection(Messages.SMS_DUE).countDocuments()).isZero();
    }

    @Test
    void storesASentSmsInTheFormTheConverterWritesWhenItIsMarkedSentInBulk() {
        String number = "659006-20261130-000007";
        failedSms(number);
        clock.advance(Duration.ofMinutes(1));

        first.retryJob.retryDue();

        Document stored = mongo.getCollection(ApplicantMessage.COLLECTION).find().into(new java.util.ArrayList<>()).stream()
                .filter(d -> number.equals(d.getString("applicationNumber")) && "SMS".equals(d.getString("channel")))
                .findFirst().orElseThrow();
        assertThat(stored.get("status")).isEqualTo("SENT");
        assertThat(stored.get("sentAt")).isEqualTo(java.util.Date.from(clock.instant()));
        assertThat(stored.get("attempts")).isEqualTo(2);
        assertThat(stored).doesNotContainKey("nextAttemptAt");
        Document rewritten = new Document();
        mongo.getConverter().write(mongo.getConverter().read(ApplicantMessage.class, stored), rewritten);
        // The same fields and values (an update puts the fields it adds last, as MongoDB does with any $set).
        assertThat(stored).isEqualTo(rewritten);
    }

    /** An SMS whose first send failed, due again in 5 s; answers its body. */
    private String failedSms(String number) {
        gateway.failNext();
        tell(first.notifier, decided(number));
        return first.messages.forApplication(org.mtb.support.security.SignedInRequests.everyRoleCaller(), number, java.util.Optional.of(DeliveryChannel.SMS)).getFirst().body();
    }

    /** One decision, as a poll of one, through the check the binding applies. */
    private static void tell(Notifier notifier, ApplicationDecided event) {
        notifier.decidedAll(List.of(EventChecks.checked(event)));
    }

    private ApplicationDecided decided(String number) {
        return new ApplicationDecided(UUID.randomUUID(), ApplicationDecided.SCHEMA_VERSION, clock.instant(), number,
                "659006", "M01200", "血友病", DecisionOutcome.APPROVED, List.of(), "expert-1", clock.instant(),
                new Recipient("张三", "13800138000", null, null));
    }

    /** One instance of the service: its own objects, the shared database, clock and gateway. */
    private final class Instance {

        final TestKeyRing keys = new TestKeyRing();
        final MessagePhones phones = new MessagePhones(new FieldCipher(keys));
        final Messages messages = new Messages(mongo, new BlindIndex(keys));
        final SmsDelivery delivery = new SmsDelivery(messages, gateway, PROPERTIES, clock, new SimpleMeterRegistry(),
                phones);
        final SmsRetryJob retryJob = new SmsRetryJob(messages, delivery, PROPERTIES, clock);
        final Notifier notifier = new Notifier(new MessageBatches(mongo, messages), MessageTemplates.fromClasspath(),
                delivery, PROPERTIES, clock, new SimpleMeterRegistry(), phones);

        Instance() {
            messages.afterSingletonsInstantiated();
        }
    }

    /** A provider that takes a while per send, during which the test can let other things happen. */
    private final class SlowGateway implements SmsGateway {

        final List<String> sent = new CopyOnWriteArrayList<>();
        private Duration takes = Duration.ZERO;
        private @Nullable Runnable meanwhile;
        private int meanwhileOnSend;
        private boolean failNext;
        private boolean failAfterMeanwhile;
        private int sends;

        void takes(Duration duration, @Nullable Runnable meanwhile) {
            this.takes = duration;
            this.meanwhile = meanwhile;
            this.meanwhileOnSend = 1;
        }

        void onSend(int send, Runnable meanwhile) {
            this.meanwhile = meanwhile;
            this.meanwhileOnSend = sends + send;
        }

        void failNext() {
            failNext = true;
        }

        void failAfterMeanwhile() {
            failAfterMeanwhile = true;
        }

        @Override
        public SmsReceipt send(String phone, String text) {
            if (failNext) {
                failNext = false;
                throw new IllegalStateException("provider busy");
            }
            int send = ++sends;
            clock.advance(takes);
            Runnable during = meanwhile;
            if (during != null && send == meanwhileOnSend) {
                meanwhile = null;
                takes = Duration.ZERO;
                during.run();
                if (failAfterMeanwhile) {
                    failAfterMeanwhile = false;
                    throw new IllegalStateException("provider timed out");
                }
            }
            sent.add(text);
            return new SmsReceipt("p-" + send);
        }
    }
}
