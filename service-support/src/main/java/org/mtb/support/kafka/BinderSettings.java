package org.mtb.support.kafka;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * The Kafka binder's client settings ({@code spring.cloud.stream.kafka.binder.brokers}, {@code configuration},
 * {@code producer-properties}) for the producers a service makes itself, so that they reach the same brokers with the
 * same credentials and acknowledgements as the binder's own.
 */
public final class BinderSettings {

    public static final String BINDER = "spring.cloud.stream.kafka.binder";

    private BinderSettings() {
    }

    /** The brokers and the binder's {@code configuration}: what an admin client or any client needs. */
    public static Map<String, Object> common(Environment environment) {
        Binder binder = Binder.get(environment);
        Map<String, Object> common = new HashMap<>(binder.bind(BINDER + ".configuration",
                Bindable.mapOf(String.class, String.class)).orElse(Map.of()));
        common.put("bootstrap.servers", binder.bind(BINDER + ".brokers", Bindable.listOf(String.class))
                .map(brokers -> String.join(",", brokers)).orElse("localhost:9092"));
        return common;
    }

    /**
     * A byte-array producer's settings, with the binder's {@code producer-properties} and the client id
     * {@code <spring.application.name>-<purpose>}, which names the producer in {@code kafka_producer_*} metrics.
     */
    public static Map<String, Object> producer(Environment environment, String purpose) {
        Map<String, Object> settings = common(environment);
        settings.putAll(Binder.get(environment).bind(BINDER + ".producer-properties", Bindable.mapOf(String.class,
                String.class)).orElse(Map.of()));
        settings.put(ProducerConfig.CLIENT_ID_CONFIG, environment.getProperty("spring.application.name", "service")
                + "-" + purpose);
        settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return settings;
    }
}
