package org.mtb.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mtb.support.testing.LocalMongo;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** On the embedded MongoDB server, over a real socket, as the services use it. */
@ExtendWith(LocalMongo.class)
class SeenNoncesTests {

    private static final Instant NOW = Instant.parse("2026-11-30T02:00:00Z");
    private static final long SIGNED_AT = NOW.getEpochSecond() - 3;
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final Duration WINDOW = Duration.ofMinutes(5);

    private final MongoTemplate mongo = new MongoTemplate(LocalMongo.client(), "nonces_" + System.nanoTime());

    @Test
    void twoInstancesReceivingTheSameRequestAtOnceAcceptItOnceAndEveryOtherNonceOnce() throws Exception {
        SeenNonces first = new SeenNonces(mongo, CLOCK, WINDOW);
        SeenNonces second = new SeenNonces(mongo, CLOCK, WINDOW);
        List<Callable<Boolean>> uses = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            SeenNonces instance = i % 2 == 0 ? first : second;
            String nonce = i < 20 ? "the-same-nonce-0001" : "nonce-of-request-" + i;
            uses.add(() -> instance.firstUse("xj-tiemenguan-platform", SIGNED_AT, nonce, NOW.plusSeconds(600)));
        }
        List<Boolean> accepted = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(16)) {
            for (Future<Boolean> use : threads.invokeAll(uses)) {
                accepted.add(use.get());
            }
        }

        assertThat(accepted.subList(0, 20)).containsOnlyOnce(true);
        assertThat(accepted.subList(20, 40)).containsOnly(true);
        assertThat(first.firstUse("gs-jiuquan-platform", SIGNED_AT, "the-same-nonce-0001", NOW.plusSeconds(600)))
                .as("another channel's nonce").isTrue();
    }

    @Test
    void forgetsANonceOnceItsForgetAfterHasPassedFindingItByItsSignedTime() {
        SeenNonces nonces = new SeenNonces(mongo, CLOCK, WINDOW);
        long fifteenMinutesAgo = NOW.getEpochSecond() - 901;
        nonces.firstUse("xj-tiemenguan-platform", fifteenMinutesAgo, "expired-000000001", NOW.minusSeconds(60));
        nonces.firstUse("xj-tiemenguan-platform", fifteenMinutesAgo, "kept-to-its-time", NOW.plusSeconds(60));
        nonces.firstUse("xj-tiemenguan-platform", SIGNED_AT, "recent-000000001", NOW.plusSeconds(540));
        // What an older version wrote, under a key without the time: by forgetAfter alone.
        mongo.insert(new Document("_id", "xj-tiemenguan-platform:older-expired")
                .append("forgetAfter", Date.from(NOW.minusSeconds(1))), SeenNonces.COLLECTION);
        mongo.insert(new Document("_id", "xj-tiemenguan-platform:older-within")
                .append("forgetAfter", Date.from(NOW.plusSeconds(60))), SeenNonces.COLLECTION);

        assertThat(nonces.removeExpired(NOW)).isEqualTo(2);
        assertThat(mongo.findAll(Document.class, SeenNonces.COLLECTION)).extracting(entry -> entry.get("_id"))
                .containsExactlyInAnyOrder(fifteenMinutesAgo + ":xj-tiemenguan-platform:kept-to-its-time",
                        SIGNED_AT + ":xj-tiemenguan-platform:recent-000000001", "xj-tiemenguan-platform:older-within");
        assertThat(nonces.firstUse("xj-tiemenguan-platform", SIGNED_AT, "recent-000000001", NOW.plusSeconds(600)))
                .isFalse();
        assertThat(nonces.firstUse("xj-tiemenguan-platform", fifteenMinutesAgo, "expired-000000001",
                NOW.plusSeconds(600))).as("forgotten (the signature window refuses it first)").isTrue();
        assertThat(mongo.indexOps(SeenNonces.COLLECTION).getIndexInfo()).as("no index but the id's is needed")
                .noneSatisfy(index -> assertThat(index.getName()).isEqualTo("forgetAfter"));

        // While the older entry was within its window, nonces were written under the older key too (two): they go by
        // their forgetAfter, as the older entry does, in the rounds that follow.
        assertThat(nonces.olderWritersSeen()).isTrue();
        assertThat(nonces.removeExpired(NOW.plusSeconds(61))).isEqualTo(2);
        assertThat(nonces.olderWritersSeen()).isFalse();
        assertThat(nonces.removeExpired(NOW.plusSeconds(605))).isEqualTo(3);
        // Three windows after its signed time, an entry's forgetAfter has passed: the recent one goes then.
        assertThat(nonces.removeExpired(NOW.plusSeconds(905))).isEqualTo(1);
        assertThat(mongo.findAll(Document.class, SeenNonces.COLLECTION)).isEmpty();
    }

    @Test
    void removesExpiredNoncesAFewSecondsOfThemToACommand() {
        SeenNonces nonces = new SeenNonces(mongo, CLOCK, WINDOW);
        List<Document> entries = new ArrayList<>();
        for (int i = 0; i < 1_207; i++) {
            entries.add(new Document("_id", (NOW.getEpochSecond() - 1_000 + i % 60) + ":gs-jiuquan-platform:n" + i)
                    .append("forgetAfter", Date.from(NOW.minusSeconds(10))).append(SeenNonces.KEY_FORMAT,
                            SeenNonces.TIMED));
        }
        // Keys among this version's that begin with no time (an older version's channel "12"; "1x") go one by one, or
        // with the first removal after start, which reads every entry.
        for (String odd : List.of("12:older-version-nonce", "1x:odd", "1000000000:too-old")) {
            entries.add(new Document("_id", odd).append("forgetAfter", Date.from(NOW.minusSeconds(10))));
        }
        mongo.insert(entries, SeenNonces.COLLECTION);
        nonces.firstUse("gs-jiuquan-platform", SIGNED_AT, "still-within-window", NOW.plusSeconds(600));

        assertThat(nonces.removeExpired(NOW)).isEqualTo(1_210);
        assertThat(mongo.findAll(Document.class, SeenNonces.COLLECTION)).extracting(entry -> entry.get("_id"))
                .containsExactly(SIGNED_AT + ":gs-jiuquan-platform:still-within-window");
    }

    @Test
    void readsTheSignedTimeAKeyBeginsWith() {
        assertThat(SeenNonces.signedSecond("1764900000:xj:n")).isEqualTo(1_764_900_000L);
        assertThat(SeenNonces.signedSecond("12:n")).isEqualTo(12L);
        assertThat(SeenNonces.signedSecond("1x:n")).isNull();
        assertThat(SeenNonces.signedSecond(":n")).isNull();
        assertThat(SeenNonces.signedSecond("17649")).isNull();
        assertThat(SeenNonces.signedSecond("1234567890123456789012:n")).isNull();
    }

    @Test
    void seesAnOlderVersionsEntriesWhereverTheirKeysSortBesideThisVersions() {
        // Keys without the time sort before ("-", "0") and after (letters) this version's keys of ten digits.
        for (String key : List.of("-channel:seen-before", "0-channel:seen-before", "xj-platform:seen-before")) {
            mongo.dropCollection(SeenNonces.COLLECTION);
            mongo.insert(new Document("_id", key).append("forgetAfter", Date.from(NOW.plusSeconds(60))),
                    SeenNonces.COLLECTION);
            assertThat(new SeenNonces(mongo, CLOCK, WINDOW).olderWritersSeen()).as(key).isTrue();
        }
        mongo.dropCollection(SeenNonces.COLLECTION);
        mongo.insert(new Document("_id", SIGNED_AT + ":xj-platform:timed").append("forgetAfter",
                Date.from(NOW.plusSeconds(60))).append(SeenNonces.KEY_FORMAT, SeenNonces.TIMED), SeenNonces.COLLECTION);
        assertThat(new SeenNonces(mongo, CLOCK, WINDOW).olderWritersSeen()).isFalse();
    }

    @Test
    void keysANonceByItsSignedTimestampSoThatKeysComeInTimeOrder() {
        SeenNonces nonces = new SeenNonces(mongo, CLOCK, WINDOW);
        assertThat(nonces.olderWritersSeen()).as("a new collection holds no older version's entry").isFalse();

        assertThat(nonces.firstUse("xj-tiemenguan-platform", SIGNED_AT, "nonce-of-request-1", NOW.plusSeconds(600)))
                .isTrue();
        assertThat(nonces.firstUse("xj-tiemenguan-platform", SIGNED_AT, "nonce-of-request-1", NOW.plusSeconds(600)))
                .as("the replay, which carries the signed timestamp").isFalse();
        // Another timestamp needs another signature: it is another request, not a replay.
        assertThat(nonces.firstUse("xj-tiemenguan-platform", SIGNED_AT + 1, "nonce-of-request-1",
                NOW.plusSeconds(600))).isTrue();
        assertThat(mongo.findAll(Document.class, SeenNonces.COLLECTION)).extracting(entry -> entry.get("_id"))
                .containsExactly(SIGNED_AT + ":xj-tiemenguan-platform:nonce-of-request-1",
                        (SIGNED_AT + 1) + ":xj-tiemenguan-platform:nonce-of-request-1");
    }

    @Test
    void whileAnOlderVersionsEntriesAreWithinTheirWindowEachVersionRefusesWhatTheOtherSaw() {
        // What a version before timed keys wrote for a request it accepted.
        mongo.insert(new Document("_id", "xj-tiemenguan-platform:seen-by-older-version")
                .append("forgetAfter", Date.from(NOW.plusSeconds(300))), SeenNonces.COLLECTION);
        SeenNonces nonces = new SeenNonces(mongo, CLOCK, WINDOW);
        assertThat(nonces.olderWritersSeen()).isTrue();

        assertThat(nonces.firstUse("xj-tiemenguan-platform", SIGNED_AT, "seen-by-older-version", NOW.plusSeconds(600)))
                .as("a replay of what the older version accepted").isFalse();
        assertThat(nonces.firstUse("xj-tiemenguan-platform", SIGNED_AT, "seen-by-this-version", NOW.plusSeconds(600)))
                .isTrue();
        assertThatThrownBy(() -> mongo.insert(new Document("_id", "xj-tiemenguan-platform:seen-by-this-version")
                .append("forgetAfter", Date.from(NOW.plusSeconds(600))), SeenNonces.COLLECTION))
                .as("the older version's insert for a replay of what this one accepted")
                .isInstanceOf(DuplicateKeyException.class);

        nonces.removeExpired(NOW.plusSeconds(301));
        assertThat(nonces.olderWritersSeen()).as("the older entry's window has passed; this version's own entries under"
                + " the older key do not count").isFalse();
        assertThat(nonces.firstUse("xj-tiemenguan-platform", SIGNED_AT, "after-the-upgrade", NOW.plusSeconds(900)))
                .isTrue();
        assertThat(mongo.exists(Query.query(Criteria.where("_id").is("xj-tiemenguan-platform:after-the-upgrade")),
                SeenNonces.COLLECTION)).as("written under its timed key only").isFalse();
        assertThat(mongo.exists(Query.query(Criteria.where("_id").is(SIGNED_AT
                + ":xj-tiemenguan-platform:after-the-upgrade")), SeenNonces.COLLECTION)).isTrue();
    }
}
