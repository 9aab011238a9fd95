package org.mtb.support.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.mtb.support.mongo.MongoFailures;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.FixedBackOff;

/**
 * A batch binding's failed record goes to the dead letters after the binding's attempts, unless it failed because
 * MongoDB was out of reach: then it is tried again for as long as that lasts, and the poll goes on once it is back.
 */
class DeadLetteringBatchesTests {

    private static final TopicPartition PARTITION = new TopicPartition("intake.application-submitted", 0);

    private final List<ConsumerRecord<?, ?>> parked = new ArrayList<>();
    /** Three attempts in all, no wait, as a binding's max-attempts: 3 without its back-off, and no wait for outages. */
    private final DefaultErrorHandler handler = DeadLetteringBatches.errorHandler(
            (record, failure) -> parked.add(record), new FixedBackOff(0L, 2L),
            new FixedBackOff(0L, FixedBackOff.UNLIMITED_ATTEMPTS));

    @Test
    void parksABadRecordAfterTheBindingsAttempts() {
        RuntimeException unknownApplication = new IllegalStateException("application 620900-1 is not held here");

        fail(unknownApplication);
        fail(unknownApplication);
        assertThat(parked).as("after two attempts").isEmpty();
        fail(unknownApplication);

        assertThat(parked).singleElement().extracting(ConsumerRecord::offset).isEqualTo(10L);
    }

    @Test
    void triesARecordAgainWithoutEndWhileMongoDbIsOutOfReachAndParksNothing() {
        RuntimeException outage = MongoFailures.poolCleared();

        for (int attempt = 1; attempt <= 50; attempt++) {
            fail(outage);
        }

        assertThat(parked).isEmpty();
    }

    @Test
    void theOutagesBackOffGrowsToTenSecondsAndNeverStops() {
        BackOffExecution waits = DeadLetteringBatches.outageBackOff().start();
        List<Long> first = List.of(waits.nextBackOff(), waits.nextBackOff(), waits.nextBackOff(), waits.nextBackOff(),
                waits.nextBackOff());
        assertThat(first).containsExactly(1_000L, 2_000L, 4_000L, 8_000L, 10_000L);
        for (int attempt = 0; attempt < 100_000; attempt++) {
            assertThat(waits.nextBackOff()).isEqualTo(DeadLetteringBatches.OUTAGE_MAX_WAIT_MILLIS);
        }
    }

    /** The listener failed on the first record of a poll of two, as {@link EventBatches} reports it. */
    private void fail(RuntimeException cause) {
        MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");
        consumer.assign(List.of(PARTITION));
        List<ConsumerRecord<byte[], byte[]>> records = List.of(
                new ConsumerRecord<>(PARTITION.topic(), 0, 10L, new byte[0], new byte[0]),
                new ConsumerRecord<>(PARTITION.topic(), 0, 11L, new byte[0], new byte[0]));
        MessageListenerContainer container = mock(MessageListenerContainer.class);
        when(container.isRunning()).thenReturn(true);
        when(container.getContainerProperties()).thenReturn(new ContainerProperties(PARTITION.topic()));
        var failure = new ListenerExecutionFailedException("listener failed",
                new BatchListenerFailedException("The batch could not be handled", cause, 0));
        try {
            handler.handleBatch(failure, new ConsumerRecords<>(Map.of(PARTITION, records), Map.of()), consumer,
                    container, () -> { });
        } catch (RuntimeException pollAgain) {
            // How the handler tells the container to poll again: from the record in retry, or after a parked one.
        }
    }
}
