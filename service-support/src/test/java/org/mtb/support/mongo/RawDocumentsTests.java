package org.mtb.support.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoClientSettings;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.bson.BsonType;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.StringCodec;
import org.bson.codecs.configuration.CodecRegistries;
import org.bson.codecs.configuration.CodecRegistry;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.mtb.support.testing.ConverterEquivalence;

class RawDocumentsTests {

    private static final CodecRegistry DRIVER = MongoClientSettings.getDefaultCodecRegistry();
    private static final String[] TEXTS = {"", "a", "A-659006-20261206-000001", "张三", "糖尿病 E11.900",
        "𠀀𝄞 emoji 😀", "lone \uD800 high", "lone \uDC00 low", "swapped \uDC00\uD800", "ends high \uD83D", "what?",
        "?\uD800?", "nul\u0000inside", "é ü ß", "\u007F\u0080\u07FF\u0800\uFFFF"};

    @Test
    void writesTheDriversBytesForRandomDocumentsOfEveryTypeWrittenHere() {
        Random random = new Random(20261206);
        for (int i = 0; i < 3_000; i++) {
            Document document = document(random, 0);
            document.put("_id", random.nextBoolean() ? TEXTS[random.nextInt(TEXTS.length)] : new ObjectId());
            if (random.nextBoolean()) {
                // The id anywhere: a document to insert still has it first, a query or an update where it is.
                Object id = document.remove("_id");
                document.put("_id", id);
            }

            assertThat(ConverterEquivalence.bytes(RawDocuments.forInsert(document))).as("to insert: %s", document)
                    .isEqualTo(ConverterEquivalence.driverInsert(DRIVER, document));
            assertThat(ConverterEquivalence.bytes(RawDocuments.of(document))).as("as it is: %s", document)
                    .isEqualTo(ConverterEquivalence.bytes(new RawBsonDocument(document, DRIVER.get(Document.class))));
        }
    }

    @Test
    void writesALongArrayAndDeepDocumentsAsTheDriverDoes() {
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            values.add(i % 3 == 0 ? "entry " + i : i % 3 == 1 ? (Object) (long) i : new Document("n", i));
        }
        Document deep = new Document("leaf", "张");
        for (int i = 0; i < 40; i++) {
            deep = new Document("level" + i, deep).append("list", List.of("at", i));
        }
        Document document = new Document("_id", "x").append("values", values).append("deep", deep)
                .append("set", new LinkedHashSet<>(List.of("b", "a")))
                .append("map", new LinkedHashMap<>(Map.of("k", 1)));

        assertThat(ConverterEquivalence.bytes(RawDocuments.forInsert(document)))
                .isEqualTo(ConverterEquivalence.driverInsert(DRIVER, document));
    }

    @Test
    void leavesToTheDriverWhatItDoesNotWrite() {
        assertThat(RawDocuments.forInsert(new Document("key", 1))).as("no _id to put first").isNull();
        assertThat(RawDocuments.of(new Document("id", UUID.randomUUID()))).as("a UUID").isNull();
        assertThat(RawDocuments.of(new Document("old", new Binary((byte) 2, new byte[] {1})))).as("old binary")
                .isNull();
        assertThat(RawDocuments.of(new Document("na\u0000me", 1))).as("a NUL in a name").isNull();
        assertThat(RawDocuments.of(new Document("map", Map.of(1, "a")))).as("a key not a string").isNull();
        assertThat(RawDocuments.of(new Document("deep", new Document("list", List.of(1, (short) 2)))))
                .as("a short, deep inside").isNull();
        assertThat(RawDocuments.of(new Document("at", Instant.MAX))).as("beyond a BSON date").isNull();
        assertThat(RawDocuments.of(new Document("float", 1.5f))).isNull();
        assertThat(RawDocuments.of(new Document("amount", new java.math.BigDecimal("1e7000")))).as("beyond Decimal128")
                .isNull();
    }

    @Test
    void isUsedOnlyWithTheDriversOwnCodecs() {
        assertThat(RawDocuments.usable(DRIVER)).isTrue();
        CodecRegistry idsAsObjectIds = CodecRegistries.fromRegistries(
                CodecRegistries.fromCodecs(new StringCodec().withRepresentation(BsonType.OBJECT_ID)), DRIVER);
        assertThat(RawDocuments.usable(idsAsObjectIds)).isFalse();
        CodecRegistry datesOtherwise = CodecRegistries.fromRegistries(CodecRegistries.fromCodecs(
                new org.bson.codecs.jsr310.LocalDateTimeCodec() {
                }), DRIVER);
        assertThat(RawDocuments.usable(datesOtherwise)).as("no codec of a type written here replaced").isTrue();
        CodecRegistry longsOtherwise = CodecRegistries.fromRegistries(CodecRegistries.fromCodecs(
                new org.bson.codecs.LongCodec() {
                }), DRIVER);
        assertThat(RawDocuments.usable(longsOtherwise)).isFalse();
    }

    private static Document document(Random random, int depth) {
        Document document = new Document();
        int fields = random.nextInt(depth == 0 ? 12 : 5);
        for (int i = 0; i < fields; i++) {
            document.put(random.nextInt(4) == 0 ? TEXTS[random.nextInt(TEXTS.length)].replace("\u0000", "")
                    : "field" + i, value(random, depth));
        }
        return document;
    }

    private static Object value(Random random, int depth) {
        int kinds = depth < 3 ? 17 : 14;
        return switch (random.nextInt(kinds)) {
            case 0 -> TEXTS[random.nextInt(TEXTS.length)];
            case 1 -> random.nextInt();
            case 2 -> random.nextLong();
            case 3 -> random.nextDouble() * (random.nextBoolean() ? 1e300 : -1);
            case 4 -> random.nextBoolean();
            case 5 -> new Date(random.nextLong(-62_135_596_800_000L, 253_402_300_799_000L));
            case 6 -> Instant.ofEpochMilli(random.nextLong(-1L << 40, 1L << 42)).plus(random.nextInt(999),
                    ChronoUnit.MICROS);
            case 7 -> TimeUnit.values()[random.nextInt(TimeUnit.values().length)];
            case 8 -> new ObjectId();
            case 9 -> Decimal128.parse(random.nextInt(100_000) + "." + random.nextInt(100));
            case 10 -> new Binary((byte) (random.nextBoolean() ? 0 : 4), bytes(random));
            case 11 -> bytes(random);
            case 12 -> random.nextBoolean() ? (random.nextBoolean() ? Double.NaN : -0.0d)
                    : new java.math.BigDecimal(random.nextInt(10_000)).movePointLeft(random.nextInt(6));
            case 13 -> new Document("nothing", null).append("text", TEXTS[random.nextInt(TEXTS.length)]);
            case 14 -> document(random, depth + 1);
            case 15 -> list(random, depth);
            default -> Set.of(TEXTS[random.nextInt(TEXTS.length)]);
        };
    }

    private static List<Object> list(Random random, int depth) {
        List<Object> list = new ArrayList<>();
        int size = random.nextInt(random.nextInt(10) == 0 ? 1_200 : 6);
        for (int i = 0; i < size; i++) {
            list.add(random.nextInt(10) == 0 ? null : value(random, depth + 1));
        }
        return list;
    }

    private static byte[] bytes(Random random) {
        byte[] bytes = new byte[random.nextInt(40)];
        random.nextBytes(bytes);
        return bytes;
    }
}
