package org.mtb.support.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.stream.binder.ExtendedConsumerProperties;
import org.springframework.cloud.stream.binder.kafka.properties.KafkaConsumerProperties;
import org.springframework.cloud.stream.binding.InputBindingLifecycle;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.MessageListenerContainer;

/** Every binding's container is asked to stop before any has stopped, and the service goes on once all have. */
class ConsumersStoppedTogetherTests {

    private final ConsumersStoppedTogether together = new ConsumersStoppedTogether();
    /** What each container was told to run once its consumer has closed, in the order they were asked to stop. */
    private final List<Runnable> pendingStops = new ArrayList<>();

    @Test
    void asksEveryRunningContainerToStopAtOnceAndReportsStoppedAfterTheLast() {
        MessageListenerContainer first = container(true);
        MessageListenerContainer second = container(true);
        MessageListenerContainer third = container(true);
        AtomicInteger serviceWentOn = new AtomicInteger();
        together.start();

        together.stop(serviceWentOn::incrementAndGet);

        assertThat(pendingStops).as("all three asked before any has stopped").hasSize(3);
        assertThat(together.isRunning()).isFalse();
        pendingStops.get(1).run();
        pendingStops.get(0).run();
        assertThat(serviceWentOn).as("one container still closing its consumer").hasValue(0);
        pendingStops.get(2).run();
        assertThat(serviceWentOn).hasValue(1);
        verify(first).stop(any(Runnable.class));
        verify(second).stop(any(Runnable.class));
        verify(third).stop(any(Runnable.class));
    }

    @Test
    void leavesAStoppedContainerAloneAndGoesOnAtOnceWhenNoneRuns() {
        MessageListenerContainer stopped = container(false);
        AtomicInteger serviceWentOn = new AtomicInteger();
        together.start();

        together.stop(serviceWentOn::incrementAndGet);

        assertThat(serviceWentOn).hasValue(1);
        verify(stopped, never()).stop(any(Runnable.class));
    }

    @Test
    void aSecondStopAfterARestartStopsOnlyTheContainersBoundSince() {
        MessageListenerContainer before = container(true);
        together.start();
        together.stop(() -> { });
        together.start();
        MessageListenerContainer since = container(true);

        together.stop(() -> { });

        verify(before, times(1)).stop(any(Runnable.class));
        verify(since, times(1)).stop(any(Runnable.class));
        assertThat(pendingStops).hasSize(2);
    }

    @Test
    void theBindersContainerCustomizerHandsOverEveryBindingsContainerBatchOrNot() {
        DeadLetteringBatches customizer = new DeadLetteringBatches(mock(DefaultKafkaProducerFactory.class), together);
        MessageListenerContainer perRecord = bound(customizer, false);
        MessageListenerContainer batch = bound(customizer, true);
        together.start();

        together.stop(() -> { });

        verify(perRecord).stop(any(Runnable.class));
        verify(batch).stop(any(Runnable.class));
    }

    @SuppressWarnings("unchecked")
    private MessageListenerContainer bound(DeadLetteringBatches customizer, boolean batchMode) {
        AbstractMessageListenerContainer<byte[], byte[]> container = mock(AbstractMessageListenerContainer.class);
        when(container.isRunning()).thenReturn(true);
        ExtendedConsumerProperties<KafkaConsumerProperties> properties =
                new ExtendedConsumerProperties<>(new KafkaConsumerProperties());
        properties.setBatchMode(batchMode);
        customizer.configure(container, "intake.application-submitted", "review-service", null, null, properties);
        return container;
    }

    @Test
    void isStoppedJustBeforeTheBindersInputBindings() {
        int inputBindingsPhase = new InputBindingLifecycle(null, null)
                .getPhase();

        assertThat(together.getPhase()).isGreaterThan(inputBindingsPhase);
        assertThat(together.isAutoStartup()).isTrue();
    }

    private MessageListenerContainer container(boolean running) {
        MessageListenerContainer container = mock(MessageListenerContainer.class);
        when(container.isRunning()).thenReturn(running);
        doAnswer(invocation -> pendingStops.add(invocation.getArgument(0))).when(container).stop(any(Runnable.class));
        together.add(container);
        return container;
    }
}
