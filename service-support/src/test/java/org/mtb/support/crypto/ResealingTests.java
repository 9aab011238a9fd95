package org.mtb.support.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mtb.support.testing.LocalMongo;
import org.springframework.data.mongodb.core.MongoTemplate;

@ExtendWith(LocalMongo.class)
class ResealingTests {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T02:00:00Z"), ZoneOffset.UTC);
    private static final UnaryOperator<String> PHONE = number -> "applicant.phone|" + number;
    private static final UnaryOperator<String> ID_NUMBER = number -> "applicant.idNumber|" + number;

    private final MongoTemplate mongo = new MongoTemplate(LocalMongo.client(), "reseal_" + System.nanoTime());
    private final TestKeyRing ring = new TestKeyRing();
    private final FieldCipher cipher = new FieldCipher(ring);
    private final SealedCollection applications = new SealedCollection("applications", "_id",
            Map.of("applicant.phone", PHONE, "applicant.idNumber", ID_NUMBER));
    private final SealedCollection messages = new SealedCollection("messages", "applicationNumber",
            Map.of("recipientPhone", PHONE));

    @Test
    void movesEveryValueUnderKeyOneToKeyTwoLeavesKeyTwoAloneAndThenRestsUntilTheNextRotation() {
        for (int i = 0; i < 7; i++) {
            storeApplication("n-" + i, "1380013800" + i);
        }
        mongo.insert(new Document("_id", "e1:SMS").append("applicationNumber", "n-1")
                .append("recipientPhone", cipher.seal("13800138001", PHONE.apply("n-1"))), "messages");
        ring.rotate();
        storeApplication("n-7", "13800138007");
        String underKeyTwo = phoneOf("n-7");
        Resealing resealing = new Resealing(mongo, cipher, ring, List.of(applications, messages), 3, CLOCK);

        List<Resealing.Pass> first = resealing.runDue();

        assertThat(first).extracting(Resealing.Pass::resealed).containsExactly(14, 1);
        assertThat(first).extracting(Resealing.Pass::completedKey).as("a pass that moved values is not the last")
                .containsOnlyNulls();
        for (int i = 0; i < 8; i++) {
            String number = "n-" + i;
            assertThat(FieldCipher.keyIdOf(phoneOf(number))).isEqualTo("test-k2");
            assertThat(cipher.open(phoneOf(number), PHONE.apply(number))).isEqualTo("1380013800" + i);
            assertThat(cipher.open(idNumberOf(number), ID_NUMBER.apply(number))).isEqualTo("11010519491231002X");
        }
        assertThat(phoneOf("n-7")).as("already under the current key").isEqualTo(underKeyTwo);
        Document message = mongo.findById("e1:SMS", Document.class, "messages");
        assertThat(cipher.open(message.getString("recipientPhone"), PHONE.apply("n-1"))).isEqualTo("13800138001");

        List<Resealing.Pass> second = resealing.runDue();
        assertThat(second).extracting(Resealing.Pass::resealed).containsExactly(0, 0);
        assertThat(second).extracting(Resealing.Pass::completedKey).containsOnly("test-k2");
        Instant at = second.getFirst().at();
        assertThat(resealing.runDue()).extracting(Resealing.Pass::at).as("done for test-k2: no pass runs")
                .containsOnly(at);
    }

    @Test
    void sealsValuesStoredInClearBeforeEncryptionAndLeavesAValueThatDoesNotOpen() {
        mongo.insert(new Document("_id", "old").append("applicant",
                new Document("phone", "13800138000").append("idNumber", "11010519491231002X")), "applications");
        storeApplication("moved", "13800138001");
        String foreign = cipher.seal("13800138002", PHONE.apply("elsewhere"));
        mongo.updateFirst(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id").is("moved")),
                org.springframework.data.mongodb.core.query.Update.update("applicant.phone", foreign), "applications");
        ring.rotate();
        Resealing resealing = new Resealing(mongo, cipher, ring, List.of(applications), 100, CLOCK);

        Resealing.Pass pass = resealing.runDue().getFirst();

        assertThat(cipher.open(phoneOf("old"), PHONE.apply("old"))).isEqualTo("13800138000");
        assertThat(cipher.open(idNumberOf("old"), ID_NUMBER.apply("old"))).isEqualTo("11010519491231002X");
        assertThat(phoneOf("moved")).as("sealed for another application: left for a person to look at")
                .isEqualTo(foreign);
        assertThat(pass.unreadable()).isEqualTo(1);
        assertThat(pass.resealed()).isEqualTo(3);
        assertThat(pass.completedKey()).isNull();
    }

    private void storeApplication(String number, String phone) {
        mongo.insert(new Document("_id", number).append("status", "SUBMITTED").append("applicant",
                new Document("phone", cipher.seal(phone, PHONE.apply(number)))
                        .append("idNumber", cipher.seal("11010519491231002X", ID_NUMBER.apply(number)))),
                "applications");
    }

    private String phoneOf(String number) {
        return mongo.findById(number, Document.class, "applications").get("applicant", Document.class)
                .getString("phone");
    }

    private String idNumberOf(String number) {
        return mongo.findById(number, Document.class, "applications").get("applicant", Document.class)
                .getString("idNumber");
    }
}
