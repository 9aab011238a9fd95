package org.mtb.support.outbox;

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
 * The transactional outbox of a service that publishes events ({@code mtb.outbox.enabled: true}): the marks its
 * writers add, the relay that publishes what they name, each on a thread of its own (rounds every
 * {@code poll-interval}, the sweep at start and every {@code sweep-interval}), and {@code /actuator/outbox}.
 */
@AutoConfiguration(after = DataMongoAutoConfiguration.class)
@ConditionalOnBooleanProperty("mtb.outbox.enabled")
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxAutoConfiguration {

    @Bean
    PendingOutbox pendingOutbox(MongoTemplate mongo, ObjectProvider<Clock> clock) {
        return new PendingOutbox(mongo, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    OutboxInserts outboxInserts(MongoTemplate mongo, PendingOutbox pending) {
        return new OutboxInserts(mongo, pending);
    }

    @Bean
    @ConditionalOnMissingBean
    OutboxPublisher outboxPublisher(Environment environment, OutboxProperties properties, MeterRegistry meters) {
        KafkaOutboxPublisher publisher = new KafkaOutboxPublisher(environment, meters);
        publisher.provisionInBackground(properties.topics());
        return publisher;
    }

    @Bean
    OutboxMetrics outboxMetrics(MeterRegistry meters, Environment environment) {
        return new OutboxMetrics(meters, environment.getProperty("spring.application.name", "unknown"));
    }

    @Bean
    OutboxRelay outboxRelay(PendingOutbox pending, MongoTemplate mongo, OutboxPublisher publisher,
            ObjectProvider<MarkedDocuments> processors, ObjectProvider<OutboxListener> listeners,
            OutboxProperties properties, OutboxMetrics metrics, ObjectProvider<Clock> clock) {
        properties.validate();
        return new OutboxRelay(pending, new OutboxStore(mongo), new ParkedEvents(mongo), publisher,
                processors.orderedStream().toList(), listeners.orderedStream().toList(), properties, metrics,
                clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    DedicatedLoop outboxRelayLoop(OutboxRelay relay, OutboxProperties properties) {
        return new DedicatedLoop("outbox-relay", Duration.ZERO, properties.pollInterval(),
                (java.util.function.BooleanSupplier) relay::publishRound);
    }

    @Bean
    DedicatedLoop outboxSweepLoop(OutboxRelay relay, OutboxProperties properties) {
        return new DedicatedLoop("outbox-sweep", Duration.ZERO, properties.sweepInterval(), relay::sweep);
    }

    @Bean
    @ConditionalOnAvailableEndpoint
    OutboxEndpoint outboxEndpoint(MongoTemplate mongo, PendingOutbox pending, OutboxMetrics metrics) {
        return new OutboxEndpoint(new ParkingDesk(new ParkedEvents(mongo), pending, mongo, metrics));
    }
}
