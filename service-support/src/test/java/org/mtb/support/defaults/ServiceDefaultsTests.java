package org.mtb.support.defaults;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mtb.support.kafka.BinderSettings;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The platform's settings (the Kafka binder's and the rest) reach every service, below what the service sets itself.
 */
class ServiceDefaultsTests {

    private static final String BINDER = BinderSettings.BINDER;

    @Test
    void aServiceStartedAsUsualHasThePlatformSettingsAndKeepsItsOwn() {
        try (ConfigurableApplicationContext service = startedAsUsual()) {
            ConfigurableEnvironment environment = service.getEnvironment();
            assertThat(environment.getProperty(BINDER + ".producer-properties.acks")).isEqualTo("all");
            assertThat(environment.getProperty(BINDER + ".producer-properties.enable.idempotence")).isEqualTo("true");
            assertThat(environment.getProperty(BINDER + ".consumer-properties.fetch.max.wait.ms")).isEqualTo("5000");
            assertThat(environment.getProperty("spring.cloud.stream.kafka.default.consumer.enable-dlq"))
                    .isEqualTo("true");
            assertThat(environment.getProperty(BINDER + ".min-partition-count")).isEqualTo("3");
            // The service's own file wins over the platform's setting of the same name.
            assertThat(environment.getProperty(BINDER + ".producer-properties.linger.ms")).isEqualTo("7");
            assertThat(environment.getProperty("spring.cloud.stream.kafka.bindings.onApplicationSubmitted-in-0"
                    + ".consumer.configuration.fetch.max.wait.ms")).isEqualTo("200");
            // What a service's own producers take (the outboxes, the dead-letter producer) includes both.
            assertThat(BinderSettings.producer(environment, "outbox")).containsEntry("acks", "all")
                    .containsEntry("linger.ms", "7").containsEntry("delivery.timeout.ms", "10000");
        }
    }

    @Test
    void aServiceStartedAsUsualHasTheSharedHealthMetricsDocumentsAndLogSettingsAndKeepsItsOwn() {
        try (ConfigurableApplicationContext service = startedAsUsual()) {
            ConfigurableEnvironment environment = service.getEnvironment();
            assertThat(environment.getProperty("management.endpoint.health.show-components")).isEqualTo("always");
            assertThat(environment.getProperty("management.endpoint.health.group.ops.show-details"))
                    .isEqualTo("always");
            assertThat(environment.getProperty("management.metrics.tags.application")).isEqualTo("review-service");
            assertThat(environment.getProperty("springdoc.api-docs.enabled")).isEqualTo("true");
            // Set on Logback by Boot from the shared settings (this module's logback-test.xml sets org.apache.kafka).
            assertThat(LoggingSystem.get(getClass().getClassLoader())
                    .getLoggerConfiguration("org.apache.kafka.common.config").getConfiguredLevel())
                    .as("a Kafka client's configuration, 120 lines a client, not logged").isEqualTo(LogLevel.WARN);
            assertThat(environment.getProperty("logging.level.org.apache.kafka.clients"))
                    .as("the consumers' joins and assignments left as they are").isNull();
            // The service's own file wins over the platform's setting of the same name.
            assertThat(environment.getProperty("springdoc.swagger-ui.enabled")).isEqualTo("false");
        }
    }

    @Test
    void theBrokersComeFromTheEnvironmentWhenItNamesThem() {
        StandardEnvironment local = new StandardEnvironment();
        new ServiceDefaults().postProcessEnvironment(local, new SpringApplication());
        StandardEnvironment deployed = new StandardEnvironment();
        deployed.getPropertySources().addFirst(new MapPropertySource("deployment",
                Map.of("KAFKA_BOOTSTRAP_SERVERS", "kafka-1:9092,kafka-2:9092")));
        new ServiceDefaults().postProcessEnvironment(deployed, new SpringApplication());

        assertThat(BinderSettings.common(local)).containsEntry("bootstrap.servers", "127.0.0.1:9092");
        assertThat(BinderSettings.common(deployed)).containsEntry("bootstrap.servers", "kafka-1:9092,kafka-2:9092");
    }

    @Test
    void theSettingsAreAddedOnceAndBelowEveryOtherSource() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addLast(new MapPropertySource("applicationConfig",
                Map.of(BINDER + ".producer-properties.acks", "1")));
        ServiceDefaults defaults = new ServiceDefaults();
        defaults.postProcessEnvironment(environment, new SpringApplication());
        defaults.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getPropertySources().stream().map(source -> source.getName())
                .filter(name -> name.startsWith(ServiceDefaults.SOURCE_NAME))).hasSize(2);
        assertThat(environment.getPropertySources().stream().reduce((first, second) -> second).orElseThrow()
                .getName()).isEqualTo(ServiceDefaults.SOURCE_NAME + " " + ServiceDefaults.KAFKA_BINDER);
        assertThat(environment.getProperty(BINDER + ".producer-properties.acks")).isEqualTo("1");
        assertThat(environment.getProperty(BINDER + ".producer-properties.request.timeout.ms")).isEqualTo("5000");
    }

    /** A service started as a service is, with its own configuration file (service-application.yml). */
    private static ConfigurableApplicationContext startedAsUsual() {
        return new SpringApplicationBuilder(EmptyService.class).web(WebApplicationType.NONE)
                .properties("spring.config.location=classpath:org/mtb/support/defaults/service-application.yml")
                .run();
    }

    @Configuration(proxyBeanMethods = false)
    static class EmptyService {
    }
}
