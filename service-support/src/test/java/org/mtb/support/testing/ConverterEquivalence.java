package org.mtb.support.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.bson.BsonBinaryWriter;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.EncoderContext;
import org.bson.codecs.configuration.CodecRegistry;
import org.bson.io.BasicOutputBuffer;
import org.jspecify.annotations.Nullable;
import org.mtb.support.mongo.RawDocuments;
import org.mtb.support.mongo.RecordDocuments;
import org.mtb.support.mongo.StoredUpdates;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.UpdateMapper;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Holds {@link RecordDocuments} to the converter of Spring Boot's MongoDB auto-configuration, as the services have it:
 * for each entity, a document of its own (not left to the converter), and the converter's document field by field,
 * in the same order, with the same types; and that document's BSON as {@link RawDocuments} writes it, byte for byte
 * the driver's, through the codecs Boot gives the driver.
 */
public final class ConverterEquivalence {

    private ConverterEquivalence() {
    }

    public static void assertWrittenAsTheConverterWrites(Object... entities) {
        withBoot((converter, codecs) -> {
            assertThat(RawDocuments.usable(codecs)).as("the driver's own codecs, as Boot configures them").isTrue();
            for (Object entity : entities) {
                Document expected = new Document();
                converter.write(entity, expected);

                Document written = RecordDocuments.write(converter, entity);

                assertThat(written).as("a document of its own for %s", entity).isNotNull();
                assertThat(written.toJson()).as("%s", entity).isEqualTo(expected.toJson());
                assertThat(written).isEqualTo(expected);
                assertThat(new ArrayList<>(written.keySet())).isEqualTo(new ArrayList<>(expected.keySet()));
                RawBsonDocument raw = RawDocuments.forInsert(written);
                if (raw != null || !holdsUuid(expected)) {
                    assertThat(bytes(raw)).as("the BSON inserted for %s", entity)
                            .isEqualTo(driverInsert(codecs, expected));
                }
            }
        });
    }

    /** Whether a UUID is among the values, which is left to the driver (its representation is the client's). */
    private static boolean holdsUuid(Object value) {
        return switch (value) {
            case java.util.UUID uuid -> true;
            case java.util.Map<?, ?> map -> map.values().stream().anyMatch(v -> v != null && holdsUuid(v));
            case Iterable<?> values -> java.util.stream.StreamSupport.stream(values.spliterator(), false)
                    .anyMatch(v -> v != null && holdsUuid(v));
            default -> false;
        };
    }

    /** The bytes the driver writes for a document it inserts, through {@code codecs}. */
    public static byte[] driverInsert(CodecRegistry codecs, Document document) {
        BasicOutputBuffer out = new BasicOutputBuffer();
        codecs.get(Document.class).encode(new BsonBinaryWriter(out), document,
                EncoderContext.builder().isEncodingCollectibleDocument(true).build());
        return out.toByteArray();
    }

    /** The bytes of a document written as BSON, which must not be null. */
    public static byte[] bytes(@Nullable RawBsonDocument document) {
        assertThat(document).as("written as BSON here").isNotNull();
        java.nio.ByteBuffer buffer = document.getByteBuffer().asNIO();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    private static volatile MappingMongoConverter boot;

    /**
     * The converter Spring Boot configures, made once for the JVM: for a check run many times (each change a test
     * applies, say), where a context each time would cost a second each.
     */
    public static MappingMongoConverter bootConverter() {
        MappingMongoConverter known = boot;
        if (known == null) {
            withBootConverter(converter -> boot = converter);
            known = boot;
        }
        return known;
    }

    /**
     * Holds {@link StoredUpdates} to Spring Data's own update mapping for an update of {@code entity}: the same
     * document, key by key, value by value.
     */
    public static void assertStoredAsSpringDataMapsIt(Update update, Class<?> entity) {
        MappingMongoConverter converter = bootConverter();
        Document expected = new UpdateMapper(converter).getMappedObject(update.getUpdateObject(),
                converter.getMappingContext().getPersistentEntity(entity));

        Document stored = StoredUpdates.of(converter, update);

        assertThat(stored).as("an update in stored terms for %s", update).isNotNull();
        assertThat(stored.toJson()).isEqualTo(expected.toJson());
        assertThat(stored).isEqualTo(expected);
    }

    /** Runs {@code test} with the converter Spring Boot configures; no MongoDB is reached. */
    public static void withBootConverter(Consumer<MappingMongoConverter> test) {
        withBoot((converter, codecs) -> test.accept(converter));
    }

    /** Runs {@code test} with the converter and the driver's codecs as Spring Boot configures them. */
    private static void withBoot(BiConsumer<MappingMongoConverter, CodecRegistry> test) {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(MongoAutoConfiguration.class, DataMongoAutoConfiguration.class))
                .withPropertyValues("spring.mongodb.uri=mongodb://localhost:1/equivalence")
                .run(context -> test.accept(context.getBean(MappingMongoConverter.class),
                        context.getBean(MongoDatabaseFactory.class).getMongoDatabase().getCodecRegistry()));
    }
}
