package org.mtb.support.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds the platform's Kafka binder settings ({@value #RESOURCE}: brokers, partitions, the fetch wait of idle consumers,
 * the producers' acknowledgements and timeouts, dead-letter topics) below what a service configures itself, so that
 * each service's {@code application.yml} names only its own bindings and what differs for them. It runs after the
 * service's configuration files are read and adds its source last: a service's files, its environment or its command
 * line set any of these otherwise. Only a {@code SpringApplication}'s default properties stay below it.
 */
final class KafkaBinderDefaults implements EnvironmentPostProcessor, Ordered {

    static final String RESOURCE = "org/mtb/support/kafka/binder-defaults.yml";
    static final String SOURCE_NAME = "mtb-kafka-binder-defaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getPropertySources().stream().anyMatch(source -> source.getName().startsWith(SOURCE_NAME))) {
            return; // added already (a YAML file of several documents gives each a source of its own)
        }
        try {
            List<PropertySource<?>> loaded = new YamlPropertySourceLoader().load(SOURCE_NAME,
                    new ClassPathResource(RESOURCE, KafkaBinderDefaults.class.getClassLoader()));
            loaded.forEach(environment.getPropertySources()::addLast);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the platform's Kafka binder settings " + RESOURCE, e);
        }
    }

    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 1;
    }
}
