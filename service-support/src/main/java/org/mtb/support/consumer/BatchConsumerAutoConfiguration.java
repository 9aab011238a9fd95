package org.mtb.support.consumer;

import io.micrometer.core.instrument.MeterRegistry;
import org.mtb.support.kafka.BinderSettings;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.MicrometerProducerListener;

/**
 * Dead letters for the bindings that consume in batches: a producer made from the binder's settings (client id
 * {@code <service>-dead-letters}, its {@code kafka_producer_*} metrics bound, so that the dead-letter alert sees its
 * per-topic sends), the container customizer that gives batch bindings their error handler, and the stop of every
 * binding's container at once when the service shuts down.
 */
@AutoConfiguration
@ConditionalOnClass(ListenerContainerWithDlqAndRetryCustomizer.class)
public class BatchConsumerAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ListenerContainerWithDlqAndRetryCustomizer deadLetteringBatches(Environment environment, MeterRegistry meters,
            ConsumersStoppedTogether consumersStoppedTogether) {
        DefaultKafkaProducerFactory<byte[], byte[]> factory = new DefaultKafkaProducerFactory<>(
                BinderSettings.producer(environment, "dead-letters"));
        factory.addListener(new MicrometerProducerListener<>(meters));
        return new DeadLetteringBatches(factory, consumersStoppedTogether);
    }

    @Bean
    ConsumersStoppedTogether consumersStoppedTogether() {
        return new ConsumersStoppedTogether();
    }
}
