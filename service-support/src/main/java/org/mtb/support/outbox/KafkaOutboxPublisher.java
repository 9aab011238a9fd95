package org.mtb.support.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.mtb.support.kafka.BinderSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.MicrometerProducerListener;

/**
 * Sends outbox events with a Kafka producer of its own, without waiting for each acknowledgement, so that a round's
 * documents travel together in the producer's batches (the binding's synchronous sends, one acknowledgement at a
 * time per thread, took 10,000 events in seconds). It is set up from the Kafka binder's settings
 * ({@code spring.cloud.stream.kafka.binder.brokers}, {@code configuration}, {@code producer-properties}), and creates
 * the topics it writes as the binder would ({@code min-partition-count}, {@code replication-factor}, the binding's
 * {@code topic-properties}): those named in {@code mtb.outbox.topics} at start, any other with its first event.
 * Records carry the key, the JSON payload and the headers the binder wrote ({@code contentType} and {@code eventId},
 * JSON-encoded, named in {@code spring_json_header_types}), so consumers see no difference.
 */
final class KafkaOutboxPublisher implements OutboxPublisher, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(KafkaOutboxPublisher.class);
    private static final Duration PROVISIONING_TIMEOUT = Duration.ofSeconds(5);
    private static final byte[] JSON_CONTENT_TYPE = "\"application/json\"".getBytes(StandardCharsets.UTF_8);
    private static final byte[] HEADER_TYPES = "{\"contentType\":\"java.lang.String\",\"eventId\":\"java.lang.String\"}"
            .getBytes(StandardCharsets.UTF_8);

    private final KafkaProducer<byte[], byte[]> producer;
    private final MicrometerProducerListener<byte[], byte[]> producerMetrics;
    private final String producerMetricsId;
    private final Admin admin;
    private final int partitions;
    private final Optional<Short> replication;
    private final Set<String> provisioned = ConcurrentHashMap.newKeySet();
    private final Binder binder;

    KafkaOutboxPublisher(Environment environment, MeterRegistry meters) {
        this.binder = Binder.get(environment);
        Map<String, Object> common = BinderSettings.common(environment);
        Map<String, Object> producerSettings = BinderSettings.producer(environment, "outbox");
        this.producer = new KafkaProducer<>(producerSettings);
        // kafka_producer_* for this producer (client_id <service>-outbox): send rates, errors, batch sizes. Bound by
        // Spring Kafka's listener, as every other Kafka client of the service is (the bindings' consumers, the
        // dead-letter producers), so that all carry the same tag keys: Prometheus takes a name with one set of keys
        // only, and the first client to register a name sets them.
        this.producerMetrics = new MicrometerProducerListener<>(meters);
        this.producerMetricsId = "outbox." + producerSettings.get(ProducerConfig.CLIENT_ID_CONFIG);
        producerMetrics.producerAdded(producerMetricsId, producer);
        this.admin = Admin.create(common);
        this.partitions = binder.bind(BinderSettings.BINDER + ".min-partition-count", Integer.class).orElse(1);
        short factor = binder.bind(BinderSettings.BINDER + ".replication-factor", Short.class).orElse((short) -1);
        this.replication = factor > 0 ? Optional.of(factor) : Optional.empty();
    }

    /**
     * Creates the topics this service writes, where missing, on a thread of its own: a topic created by the first
     * event of a burst would hold that burst up while its partitions get their leaders.
     */
    void provisionInBackground(List<String> topics) {
        if (topics.isEmpty()) {
            return;
        }
        Thread.ofVirtual().name("outbox-topics").start(() -> {
            try {
                topics.forEach(this::provision);
            } catch (RuntimeException e) {
                log.info("Could not create the topics {} now; each is created with its first event: {}", topics,
                        e.toString());
            }
        });
    }

    @Override
    public void publish(OutboxEntry event) {
        try {
            send(event).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new org.apache.kafka.common.errors.InterruptException(e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }

    @Override
    public CompletableFuture<Void> send(OutboxEntry event) {
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        try {
            provision(event.topic());
            ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(event.topic(), null,
                    event.key().getBytes(StandardCharsets.UTF_8), event.payload().getBytes(StandardCharsets.UTF_8),
                    List.of(new RecordHeader("contentType", JSON_CONTENT_TYPE),
                            new RecordHeader("eventId", ("\"" + event.eventId() + "\"").getBytes(StandardCharsets.UTF_8)),
                            new RecordHeader("spring_json_header_types", HEADER_TYPES)));
            producer.send(record, (metadata, error) -> {
                if (error == null) {
                    acknowledged.complete(null);
                } else {
                    acknowledged.completeExceptionally(error);
                }
            });
        } catch (RuntimeException e) {
            acknowledged.completeExceptionally(e);
        }
        return acknowledged;
    }

    @Override
    public void destroy() {
        producerMetrics.producerRemoved(producerMetricsId, producer);
        producer.close(Duration.ofSeconds(5));
        admin.close(Duration.ofSeconds(5));
    }

    /** Creates the topic the first time this service writes to it, unless it exists (then it is left as it is). */
    private void provision(String topic) {
        if (provisioned.contains(topic)) {
            return;
        }
        try {
            // As the binder would: the binding's topic properties (a compacted catalog topic, say) apply.
            Map<String, String> configs = binder.bind("spring.cloud.stream.kafka.bindings[" + topic
                    + "].producer.topic-properties", Bindable.mapOf(String.class, String.class)).orElse(Map.of());
            admin.createTopics(List.of(new NewTopic(topic, Optional.of(partitions), replication).configs(configs)))
                    .all()
                    .get(PROVISIONING_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new org.apache.kafka.common.errors.TimeoutException("Cannot create the topic " + topic
                        + " now: " + e.getCause(), e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new org.apache.kafka.common.errors.InterruptException(e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new org.apache.kafka.common.errors.TimeoutException("Cannot create the topic " + topic + " now", e);
        }
        awaitLeaders(topic);
        provisioned.add(topic);
    }

    /**
     * Waits until every partition of a topic just created has a leader. A record sent before that is refused
     * (NOT_LEADER_OR_FOLLOWER), and the idempotent producer's retry of it was seen to fall into
     * OUT_OF_ORDER_SEQUENCE_NUMBER and keep retrying, holding up every later send of the relay.
     */
    private void awaitLeaders(String topic) {
        long deadline = System.nanoTime() + PROVISIONING_TIMEOUT.toNanos();
        while (true) {
            try {
                var description = admin.describeTopics(List.of(topic)).allTopicNames()
                        .get(PROVISIONING_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(topic);
                if (description != null && !description.partitions().isEmpty() && description.partitions().stream()
                        .allMatch(partition -> partition.leader() != null && !partition.leader().isEmpty())) {
                    return;
                }
            } catch (ExecutionException | java.util.concurrent.TimeoutException notYetKnown) {
                // Metadata of a topic just created may lag a moment behind; ask again.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new org.apache.kafka.common.errors.InterruptException(e);
            }
            if (System.nanoTime() > deadline) {
                throw new org.apache.kafka.common.errors.TimeoutException("The topic " + topic
                        + " has partitions without a leader after " + PROVISIONING_TIMEOUT);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new org.apache.kafka.common.errors.InterruptException(e);
            }
        }
    }
}
