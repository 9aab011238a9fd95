package org.mtb.support.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.mtb.support.testing.ConverterEquivalence;
import org.mtb.support.testing.LocalMongo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Transient;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Field;
import org.springframework.data.mongodb.core.mapping.FieldType;

/**
 * {@link RecordDocuments} against the converter Spring Boot configures for the services: the same document, field by
 * field and in the same order, for records of every kind of property it writes, and no document for what it does
 * not model.
 */
@ExtendWith(LocalMongo.class)
class RecordDocumentsTests {

    enum Colour {
        RED,
        GREEN {
            @Override
            public String toString() {
                return "green, with a body of its own";
            }
        }
    }

    record Inner(String name, @Nullable Integer count, Colour colour, Instant at) {
    }

    record Keyed(String id, String value) {
    }

    @org.springframework.data.mongodb.core.mapping.Document("things")
    record Thing(@Id String number, String text, int primitive, long big, boolean flag, double ratio,
            @Nullable Long boxed, Colour colour, Colour green, Instant at, LocalDate day, BigDecimal amount,
            @Nullable UUID uuid, @Nullable Inner inner, List<Inner> inners, List<String> strings, LinkedHashSet<Colour> colours,
            List<@Nullable Instant> instants, @Nullable String absent, @Field("renamed") String named,
            @Nullable Keyed keyed, @Transient @Nullable String notStored) {
    }

    /** Its id last: the converter writes the id first. */
    record IdLast(String text, Inner inner, @Id String key) {
    }

    record WithMap(String id, Map<String, String> map) {
    }

    record WithObject(String id, Object anything) {
    }

    record WithNestedLists(String id, List<List<String>> lists) {
    }

    record WithTargetType(String id, @Field(targetType = FieldType.STRING) Long number) {
    }

    record WithArray(String id, String[] values) {
    }

    record Node(String name, @Nullable Node next) {
    }

    static final class NotARecord {
        String id = "x";
    }

    private static final Instant AT = Instant.parse("2026-12-06T01:02:03.456Z");

    @Test
    void writesWhatTheConverterWritesForEveryKindOfPropertyItModels() {
        ConverterEquivalence.assertWrittenAsTheConverterWrites(new IdLast("t", new Inner("i", 1, Colour.RED, AT), "id-1"),
                new Thing("520200-20261206-000001", "风湿性心脏病", 7, 1L << 40, true, 0.5, 42L, Colour.RED,
                        Colour.GREEN, AT, LocalDate.of(2026, 11, 6), new BigDecimal("0.50"),
                        UUID.fromString("01a248db-0820-786d-a5d2-04256a3b9c15"),
                        new Inner("a", 3, Colour.GREEN, AT), List.of(new Inner("b", null, Colour.RED, AT)),
                        List.of("x", "y"), new LinkedHashSet<>(List.of(Colour.GREEN, Colour.RED)),
                        Arrays.asList(AT, null, AT.plusSeconds(1)), null, "named", new Keyed("k-1", "v"),
                        "not stored"),
                new Thing("5f1d7a3b9c8e4f2a1b3c4d5e", "", 0, 0, false, -0.0, null, Colour.GREEN, Colour.GREEN,
                        Instant.EPOCH, LocalDate.of(1999, 12, 31), BigDecimal.ZERO, new UUID(0, 0), null,
                        List.of(), new ArrayList<>(), new LinkedHashSet<>(), List.of(), "present", "", null,
                        null));
    }

    @Test
    void leavesToTheConverterWhatItDoesNotModel() {
        ConverterEquivalence.withBootConverter(converter -> {
            for (Object entity : List.of(new WithMap("1", Map.of("a", "b")), new WithObject("2", "text"),
                    new WithNestedLists("3", List.of(List.of("a"))), new WithTargetType("4", 5L),
                    new WithArray("5", new String[] {"a"}), new Node("6", new Node("7", null)), new NotARecord())) {
                assertThat(RecordDocuments.write(converter, entity)).as("%s", entity).isNull();
            }
        });
    }

    @Test
    void storesThroughUnorderedInsertsWhatTheConverterWouldHaveStored() {
        MongoTemplate mongo = new MongoTemplate(LocalMongo.client(), "records_" + System.nanoTime());
        Thing thing = new Thing("659006-20261206-000009", "text", 1, 2, true, 3.5, null, Colour.RED, Colour.GREEN, AT,
                LocalDate.of(2026, 1, 1), new BigDecimal("1.25"), null, new Inner("i", 1, Colour.RED, AT),
                List.of(), List.of("s"), new LinkedHashSet<>(List.of(Colour.RED)), List.of(AT), null, "n", null, null);

        // (no UUID: this plain client has no UUID representation set)
        UnorderedInserts.insert(mongo, Thing.class, "things", List.of(thing));

        Document expected = new Document();
        mongo.getConverter().write(thing, expected);
        assertThat(mongo.findAll(Document.class, "things")).singleElement()
                .satisfies(stored -> assertThat(stored.toJson()).isEqualTo(expected.toJson()));
    }

}
