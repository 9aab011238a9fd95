package org.mtb.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonJavaScript;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.LegacyUUID;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The local MongoDB's own BSON reader and writer ({@link DirectBsonReader}, {@link DirectBsonWriter}) against
 * mongo-java-server's stock decoder and encoder, which they replace for stored documents: the same bytes written, the
 * same values of the same classes read, for documents of every type the server stores.
 */
class StoredBsonTests {

    private static final String[] NAMES = {"_id", "status", "applicant", "申请人", "a.b", "", "x".repeat(40), "Aa", "BB",
        "timeline", "0", "ключ", "😀name"};

    @Test
    void writesTheStockEncodersBytesAndReadsWhatTheStockDecoderReads() {
        Random random = new Random(20261206);
        for (int i = 0; i < 3_000; i++) {
            Document document = document(random, 0);

            byte[] stock = stockBytes(document);
            byte[] direct = new DirectBsonWriter(8).document(document).toByteArray();

            assertThat(direct).as("document %d: %s", i, document).isEqualTo(stock);
            Document read = DirectBsonReader.read(direct, 0, direct.length);
            assertSame(read, BsonDecoder.decodeBson(Unpooled.wrappedBuffer(stock)), "document " + i);
        }
    }

    @Test
    void readsADocumentInsideALargerArrayAndKeepsNamesWhoseHashesCollideApart() {
        Document document = new Document("Aa", 1).append("BB", 2).append("Aa2", List.of("Aa", "BB"));
        byte[] bson = stockBytes(document);
        byte[] page = new byte[bson.length + 7];
        System.arraycopy(bson, 0, page, 5, bson.length);

        for (int i = 0; i < 3; i++) {
            Document read = DirectBsonReader.read(page, 5, bson.length);
            assertThat(new ArrayList<>(read.keySet())).containsExactly("Aa", "BB", "Aa2");
            assertSame(read, BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson)), "read " + i);
        }
    }

    @Test
    void writesTheStockEncodersUtf8ForEveryKindOfString() {
        String[] strings = {"", "ASCII", "六盘水市人民医院", "é ß", "😀 a pair", "\uD800 a high surrogate alone",
            "a low alone \uDC00", "\uDC00\uD800 reversed", "ends high \uD83D", "\u0000 zero inside", "\u07FF\u0800\uFFFF"};
        for (String string : strings) {
            Document document = new Document("s", string).append(string.replace("\u0000", ""), 1);
            assertThat(new DirectBsonWriter(4).document(document).toByteArray()).as(string)
                    .isEqualTo(stockBytes(document));
        }
    }

    @Test
    void refusesWhatBsonCannotHoldAsTheStockEncoderDoesAndCanBeUsedAgain() {
        DirectBsonWriter writer = new DirectBsonWriter(16);
        for (Object value : new Object[] {Locale.CHINA, Missing.getInstance(), new StringBuilder("x")}) {
            Document document = new Document("_id", 1).append("odd", value);
            assertThatThrownBy(() -> stockBytes(document)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> writer.clear().document(document)).isInstanceOf(IllegalArgumentException.class);
        }
        Document plain = new Document("_id", 2);
        assertThat(writer.clear().document(plain).toByteArray()).isEqualTo(stockBytes(plain));
    }

    @Test
    void refusesBytesThatAreNoDocumentWithAnIllegalArgument() {
        byte[] bson = stockBytes(new Document("_id", "x").append("n", 5L).append("list", List.of(1, 2)));
        for (int cut = 0; cut < bson.length; cut++) {
            int length = cut;
            assertThatThrownBy(() -> DirectBsonReader.read(Arrays.copyOf(bson, length), 0, length))
                    .as("cut after %d bytes", cut).isInstanceOf(IllegalArgumentException.class);
        }
        byte[] unknownType = bson.clone();
        unknownType[4] = 0x0C;
        assertThatThrownBy(() -> DirectBsonReader.read(unknownType, 0, unknownType.length))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] stockBytes(Document document) {
        ByteBuf buffer = Unpooled.buffer();
        BsonEncoder.encodeDocument(document, buffer);
        return ByteBufUtil.getBytes(buffer);
    }

    /** Equal, and of the same classes all the way down: {@code equals} alone takes 1 for 1L. */
    private static void assertSame(Object actual, Object expected, String where) {
        if (expected == null) {
            assertThat(actual).as(where).isNull();
            return;
        }
        assertThat(actual).as(where).isNotNull();
        assertThat(actual.getClass()).as(where).isEqualTo(expected.getClass());
        if (expected instanceof Map<?, ?> map) {
            Map<?, ?> actualMap = (Map<?, ?>) actual;
            assertThat(new ArrayList<>(actualMap.keySet())).as(where).isEqualTo(new ArrayList<>(map.keySet()));
            map.forEach((key, value) -> assertSame(actualMap.get(key), value, where + "." + key));
        } else if (expected instanceof List<?> list) {
            List<?> actualList = (List<?>) actual;
            assertThat(actualList).as(where).hasSameSizeAs(list);
            for (int i = 0; i < list.size(); i++) {
                assertSame(actualList.get(i), list.get(i), where + "[" + i + "]");
            }
        } else if (expected instanceof BinData data) {
            assertThat(((BinData) actual).getData()).as(where).isEqualTo(data.getData());
        } else if (expected instanceof BsonRegularExpression pattern) {
            BsonRegularExpression actualPattern = (BsonRegularExpression) actual;
            assertThat(actualPattern.getPattern()).as(where).isEqualTo(pattern.getPattern());
            assertThat(actualPattern.getOptions()).as(where).isEqualTo(pattern.getOptions());
        } else {
            assertThat(actual).as(where).isEqualTo(expected);
        }
    }

    private static Document document(Random random, int depth) {
        Document document = new Document();
        int fields = random.nextInt(depth == 0 ? 12 : 5);
        for (int i = 0; i < fields; i++) {
            String name = random.nextInt(3) == 0 ? string(random) : NAMES[random.nextInt(NAMES.length)];
            document.put(name.replace("\u0000", ""), value(random, depth));
        }
        return document;
    }

    private static Object value(Random random, int depth) {
        int kind = random.nextInt(depth < 3 ? 22 : 19);
        return switch (kind) {
            case 0 -> null;
            case 1 -> random.nextInt();
            case 2 -> random.nextLong();
            case 3 -> random.nextBoolean() ? random.nextDouble() * 1e6 : Double.longBitsToDouble(random.nextLong());
            case 4, 5 -> string(random);
            case 6 -> random.nextBoolean();
            case 7 -> Instant.ofEpochMilli(random.nextLong() >> 20);
            case 8 -> new ObjectId();
            case 9 -> UUID.randomUUID();
            case 10 -> new LegacyUUID(random.nextLong(), random.nextLong());
            case 11 -> new BinData(bytes(random));
            case 12 -> new Decimal128(random.nextLong(), random.nextLong());
            case 13 -> new BsonTimestamp(random.nextLong());
            case 14 -> new BsonRegularExpression("^" + string(random).replace("\u0000", ""), "i");
            case 15 -> MaxKey.getInstance();
            case 16 -> MinKey.getInstance();
            case 17 -> new BsonJavaScript("function() { return " + random.nextInt() + "; }");
            case 18 -> -0.0d;
            case 19, 20 -> {
                List<Object> list = new ArrayList<>();
                int size = random.nextInt(5) == 0 ? 1_001 + random.nextInt(50) : random.nextInt(6);
                for (int i = 0; i < size; i++) {
                    list.add(size > 100 ? Integer.valueOf(i) : value(random, depth + 1));
                }
                yield random.nextInt(4) == 0 ? new LinkedHashSet<>(list) : list;
            }
            default -> document(random, depth + 1);
        };
    }

    private static String string(Random random) {
        StringBuilder string = new StringBuilder();
        int length = random.nextInt(20);
        for (int i = 0; i < length; i++) {
            switch (random.nextInt(6)) {
                case 0 -> string.append((char) ('a' + random.nextInt(26)));
                case 1 -> string.append((char) (0x4E00 + random.nextInt(0x5000)));
                case 2 -> string.appendCodePoint(0x1F600 + random.nextInt(50));
                case 3 -> string.append((char) (0x80 + random.nextInt(0x780)));
                case 4 -> string.append((char) random.nextInt(0x10000));
                default -> string.append(' ');
            }
        }
        return string.toString();
    }

    private static byte[] bytes(Random random) {
        byte[] bytes = new byte[random.nextInt(40)];
        random.nextBytes(bytes);
        return bytes;
    }
}
