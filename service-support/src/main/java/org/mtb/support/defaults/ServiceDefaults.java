package org.mtb.support.defaults;

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
 * Adds the settings every service of the platform runs with below what a service configures itself, so that each
 * service's {@code application.yml} names only what is its own and what differs for it: {@value #SERVICE} (health
 * details for OPS only, the metrics' application tag, the API documents, the Kafka clients' log lines) and
 * {@value #KAFKA_BINDER} (brokers, partitions, the fetch wait of idle consumers, the producers' acknowledgements and
 * timeouts, dead-letter topics). It runs after the service's configuration files are read and adds its sources last: a
 * service's files, its environment or its command line set any of these otherwise. Only a {@code SpringApplication}'s
 * default properties stay below them.
 */
final class ServiceDefaults implements EnvironmentPostProcessor, Ordered {

    static final String SERVICE = "org/mtb/support/defaults/service-defaults.yml";
    static final String KAFKA_BINDER = "org/mtb/support/kafka/binder-defaults.yml";
    static final String SOURCE_NAME = "mtb-service-defaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getPropertySources().stream().anyMatch(source -> source.getName().startsWith(SOURCE_NAME))) {
            return; // added already (a YAML file of several documents gives each a source of its own)
        }
        for (String resource : List.of(SERVICE, KAFKA_BINDER)) {
            try {
                List<PropertySource<?>> loaded = new YamlPropertySourceLoader().load(SOURCE_NAME + " " + resource,
                        new ClassPathResource(resource, ServiceDefaults.class.getClassLoader()));
                loaded.forEach(environment.getPropertySources()::addLast);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the platform's service settings " + resource, e);
            }
        }
    }

    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 1;
    }
}
