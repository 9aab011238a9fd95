package org.mtb.support.consumer;

import java.util.function.BiFunction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import org.mtb.support.mongo.DatabaseOutages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.cloud.stream.binder.ExtendedConsumerProperties;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.cloud.stream.binder.kafka.properties.KafkaConsumerProperties;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Retries and dead letters for the bindings that consume in batches ({@code consumer.batch-mode: true}), where the
 * binder itself would send a whole poll to the dead-letter topic for one bad record. Their container gets an error
 * handler that commits the records before the one {@link EventBatches} names, retries that one with the binding's
 * back-off ({@code max-attempts}, {@code back-off-*}), then publishes it alone to the binding's dead-letter topic
 * ({@code error.<destination>.<group>}, or its {@code dlq-name}) and goes on with the rest. Per-record bindings keep
 * the binder's own retries and dead letters.
 *
 * <p>A record that failed because MongoDB was out of reach ({@link DatabaseOutages}) is no bad record: it is tried
 * again, after 1 s, then twice as long each time up to {@value #OUTAGE_MAX_WAIT_MILLIS} ms, for as long as the outage
 * lasts, and never parked. Without this, every few seconds of an outage sent one valid event of each busy binding to
 * its dead-letter topic, to be replayed by hand; now the consumer's lag grows (and its alert fires) until the database
 * is back, and the consumer goes on where it stopped.
 *
 * <p>Being the binder's one container customizer, it also hands every binding's container to
 * {@link ConsumersStoppedTogether}, which stops them all at once when the service shuts down.
 */
final class DeadLetteringBatches implements ListenerContainerWithDlqAndRetryCustomizer, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DeadLetteringBatches.class);

    private final DefaultKafkaProducerFactory<byte[], byte[]> producers;
    private final KafkaOperations<byte[], byte[]> deadLetters;
    private final ConsumersStoppedTogether stoppedTogether;

    /** @param producers made when the first dead letter is sent, closed with the service */
    DeadLetteringBatches(DefaultKafkaProducerFactory<byte[], byte[]> producers,
            ConsumersStoppedTogether stoppedTogether) {
        this.producers = producers;
        this.deadLetters = new KafkaTemplate<>(producers);
        this.stoppedTogether = stoppedTogether;
    }

    @Override
    public void destroy() {
        producers.destroy();
    }

    @Override
    public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
            @Nullable BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver,
            @Nullable BackOff backOff) {
        // Only the variant below, which tells a batch binding from a per-record one, is called by the binder.
    }

    @Override
    public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
            @Nullable BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver,
            @Nullable BackOff backOff, ExtendedConsumerProperties<KafkaConsumerProperties> properties) {
        stoppedTogether.add(container);
        if (!properties.isBatchMode()) {
            return;
        }
        KafkaConsumerProperties kafka = properties.getExtension();
        ConsumerRecordRecoverer recoverer;
        if (kafka.isEnableDlq()) {
            String topic = kafka.getDlqName() != null ? kafka.getDlqName()
                    : "error." + destinationName + "." + group;
            // Partition -1: the producer places the dead letter by its key, whatever the topic's partition count.
            recoverer = new DeadLetterPublishingRecoverer(deadLetters, (record, error) -> new TopicPartition(topic,
                    -1));
        } else {
            recoverer = (record, error) -> log.error("Record {}-{}@{} of {} could not be handled and is skipped: {}",
                    record.topic(), record.partition(), record.offset(), group, error.toString());
        }
        container.setCommonErrorHandler(errorHandler(recoverer, backOff != null ? backOff : new FixedBackOff(0L, 0L),
                outageBackOff()));
    }

    static final long OUTAGE_MAX_WAIT_MILLIS = 10_000;

    /** The binding's back-off for a bad record; {@code outage} for one that failed because MongoDB was out of reach. */
    static DefaultErrorHandler errorHandler(ConsumerRecordRecoverer recoverer, BackOff backOff, BackOff outage) {
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        handler.setBackOffFunction((record, failure) -> DatabaseOutages.isOutage(failure) ? outage : null);
        return handler;
    }

    /** Tries again after 1, 2, 4, 8, then every 10 seconds, without end. */
    static BackOff outageBackOff() {
        ExponentialBackOff backOff = new ExponentialBackOff(1_000, 2.0);
        backOff.setMaxInterval(OUTAGE_MAX_WAIT_MILLIS);
        return backOff;
    }

    /** The binder keeps retries and dead letters of per-record bindings; batch ones are configured above. */
    @Override
    public boolean retryAndDlqInBinding(String destinationName, String group) {
        return true;
    }
}
