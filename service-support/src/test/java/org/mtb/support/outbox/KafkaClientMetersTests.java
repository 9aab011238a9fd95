package org.mtb.support.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.MicrometerProducerListener;
import org.springframework.mock.env.MockEnvironment;

/**
 * The outbox's producer and the clients Spring Kafka makes (the bindings' consumers, the dead-letter producers) in one
 * Prometheus registry, as in a service. Prometheus takes each name with one set of tag keys only: the client that
 * registers a name first sets them, and a later one with other keys is refused (Micrometer logs the first refusal
 * and drops the rest at debug). Without a broker: a Kafka client has its metrics as soon as it is made.
 */
class KafkaClientMetersTests {

    private static final String APP_INFO = "kafka_app_info_start_time_ms";
    private static final String SEND_RATE = "kafka_producer_record_send_rate";

    @Test
    void registersTheOutboxProducerAndTheClientsSpringKafkaMakesSideBySide() throws Exception {
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        MockEnvironment environment = new MockEnvironment().withProperty("spring.application.name", "review-service")
                .withProperty("spring.cloud.stream.kafka.binder.brokers", "127.0.0.1:1");
        KafkaOutboxPublisher outbox = new KafkaOutboxPublisher(environment, meters);
        DefaultKafkaProducerFactory<byte[], byte[]> deadLetters = new DefaultKafkaProducerFactory<>(Map.of(
                "bootstrap.servers", "127.0.0.1:1", "client.id", "review-service-dead-letters",
                "key.serializer", ByteArraySerializer.class, "value.serializer", ByteArraySerializer.class));
        deadLetters.addListener(new MicrometerProducerListener<>(meters));
        try (Producer<byte[], byte[]> ignored = deadLetters.createProducer()) {
            String scrape = meters.scrape();

            assertThat(series(scrape, APP_INFO)).as("one series a client").hasSize(2)
                    .anySatisfy(line -> assertThat(line).contains("client_id=\"review-service-outbox\"")
                            .contains("spring_id=\"outbox.review-service-outbox\""))
                    .anySatisfy(line -> assertThat(line).contains("client_id=\"review-service-dead-letters-"));
            assertThat(series(scrape, SEND_RATE)).as("the dead-letter alert's producer besides the outbox's")
                    .anySatisfy(line -> assertThat(line).contains("client_id=\"review-service-dead-letters-"))
                    .anySatisfy(line -> assertThat(line).contains("client_id=\"review-service-outbox\""));
        } finally {
            deadLetters.destroy();
            outbox.destroy();
        }
    }

    private static List<String> series(String scrape, String name) {
        return scrape.lines().filter(line -> line.startsWith(name + "{")).toList();
    }
}
