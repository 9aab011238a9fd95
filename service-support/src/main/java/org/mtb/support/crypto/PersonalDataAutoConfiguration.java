package org.mtb.support.crypto;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.mtb.support.scheduling.DedicatedLoop;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Personal data sealed at rest and on Kafka ({@code mtb.personal-data.enabled: true}): the key ring (a file in the
 * embedded default, unless the service declares a {@link KeyRing} over a KMS), the cipher and blind index built on it,
 * the access log of openings, and the re-encryption job over the {@link SealedCollection}s the service declares, with
 * {@code /actuator/personaldata}.
 */
@AutoConfiguration(after = DataMongoAutoConfiguration.class)
@ConditionalOnBooleanProperty("mtb.personal-data.enabled")
@EnableConfigurationProperties(PersonalDataProperties.class)
public class PersonalDataAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    KeyRing personalDataKeyRing(PersonalDataProperties properties, ObjectProvider<Clock> clock) {
        return new FileKeyRing(properties.keyFile(), properties.algorithm(), clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    FieldCipher fieldCipher(KeyRing keys) {
        return new FieldCipher(keys);
    }

    @Bean
    BlindIndex blindIndex(KeyRing keys) {
        return new BlindIndex(keys);
    }

    @Bean
    PersonalDataAccessLog personalDataAccessLog(MongoTemplate mongo, ObjectProvider<Clock> clock,
            Environment environment, MeterRegistry meters) {
        return new PersonalDataAccessLog(mongo, clock.getIfAvailable(Clock::systemUTC),
                environment.getProperty("spring.application.name", "unknown"), meters);
    }

    @Bean
    Resealing resealing(MongoTemplate mongo, FieldCipher cipher, KeyRing keys,
            ObjectProvider<SealedCollection> collections, PersonalDataProperties properties,
            ObjectProvider<Clock> clock) {
        return new Resealing(mongo, cipher, keys, collections.orderedStream().toList(), properties.resealBatch(),
                clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    DedicatedLoop resealingLoop(Resealing resealing, PersonalDataProperties properties) {
        return new DedicatedLoop("personal-data-reseal", Duration.ofSeconds(30), properties.resealEvery(),
                resealing::runDue);
    }

    @Bean
    @ConditionalOnAvailableEndpoint
    PersonalDataEndpoint personalDataEndpoint(KeyRing keys, Resealing resealing) {
        return new PersonalDataEndpoint(keys, resealing);
    }
}
