package org.mtb.support.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.function.Consumer;
import org.bson.Document;
import org.mtb.support.mongo.RecordDocuments;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;

/**
 * Holds {@link RecordDocuments} to the converter of Spring Boot's MongoDB auto-configuration, as the services have it:
 * for each entity, a document of its own (not left to the converter), and the converter's document field by field,
 * in the same order, with the same types.
 */
public final class ConverterEquivalence {

    private ConverterEquivalence() {
    }

    public static void assertWrittenAsTheConverterWrites(Object... entities) {
        withBootConverter(converter -> {
            for (Object entity : entities) {
                Document expected = new Document();
                converter.write(entity, expected);

                Document written = RecordDocuments.write(converter, entity);

                assertThat(written).as("a document of its own for %s", entity).isNotNull();
                assertThat(written.toJson()).as("%s", entity).isEqualTo(expected.toJson());
                assertThat(written).isEqualTo(expected);
                assertThat(new ArrayList<>(written.keySet())).isEqualTo(new ArrayList<>(expected.keySet()));
            }
        });
    }

    /** Runs {@code test} with the converter Spring Boot configures; no MongoDB is reached. */
    public static void withBootConverter(Consumer<MappingMongoConverter> test) {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(MongoAutoConfiguration.class, DataMongoAutoConfiguration.class))
                .withPropertyValues("spring.mongodb.uri=mongodb://localhost:1/equivalence")
                .run(context -> test.accept(context.getBean(MappingMongoConverter.class)));
    }
}
