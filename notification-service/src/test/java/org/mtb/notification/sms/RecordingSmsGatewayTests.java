package org.mtb.notification.sms;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.mtb.support.crypto.BlindIndex;
import org.mtb.support.crypto.TestKeyRing;
import org.mtb.notification.sms.SmsGateway.OutgoingSms;
import org.mtb.notification.sms.SmsGateway.SmsOutcome;
import org.mtb.stack.EmbeddedMongo;
import org.mtb.support.testing.ConverterEquivalence;
import org.mtb.support.testing.TestClock;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The recording gateway takes a batch as a provider's batch interface would: in one call, one insert. */
class RecordingSmsGatewayTests {

    private static final EmbeddedMongo MONGO = EmbeddedMongo.inMemory();

    private final List<String> commands = new CopyOnWriteArrayList<>();
    private final MongoClient client = MongoClients.create(MongoClientSettings.builder()
            .applyConnectionString(new ConnectionString(MONGO.uri("admin")))
            .addCommandListener(new CommandListener() {
                @Override
                public void commandStarted(CommandStartedEvent event) {
                    if (event.getDatabaseName().equals("sms_batch")) {
                        commands.add(event.getCommandName());
                    }
                }
            }).build());
    private final MongoTemplate mongo = new MongoTemplate(client, "sms_batch");

    @AfterAll
    static void stop() {
        MONGO.close();
    }

    @Test
    void recordsABatchInOneInsertWithThePhonesMaskedAndIndexed() {
        BlindIndex index = new BlindIndex(new TestKeyRing());
        RecordingSmsGateway gateway = new RecordingSmsGateway(mongo, TestClock.at("2026-11-30T02:00:00Z"), index);

        List<SmsOutcome> outcomes = gateway.sendAll(List.of(
                new OutgoingSms("13800138000", "【医保】申请已受理", "659006-20261130-000001"),
                new OutgoingSms("13900139000", "【医保】申请已受理", "659006-20261130-000002"),
                new OutgoingSms("13700137000", "【医保】申请已受理", "659006-20261130-000003")));

        assertThat(commands).containsExactly("insert");
        assertThat(outcomes).allSatisfy(outcome -> {
            assertThat(outcome.failure()).isNull();
            assertThat(outcome.receipt()).isNotNull();
        });
        assertThat(outcomes.stream().map(o -> o.receipt().providerMessageId()).distinct()).hasSize(3);
        List<RecordedSms> recorded = mongo.findAll(RecordedSms.class);
        assertThat(recorded).extracting(RecordedSms::phoneMasked)
                .containsExactlyInAnyOrder("138****8000", "139****9000", "137****7000");
        assertThat(recorded).extracting(RecordedSms::phoneIndex).as("support finds a number by its keyed index")
                .contains(index.of("phone", "13900139000")).doesNotContain("13800138000");
    }

    @Test
    void storesEachTextAsTheConverterWouldStoreIt() {
        ConverterEquivalence.assertWrittenAsTheConverterWrites(new RecordedSms("01a248db-0820-786d-a5d2-04256a3b9c15",
                "138****8000", "cff6097907fa2b31", "【医保】您的门诊慢特病申请已受理，受理号659006-20261130-000001。",
                java.time.Instant.parse("2026-11-30T02:00:00.123Z")));
    }
}
