package org.mtb.support.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.read.ListAppender;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * Only the client's "no longer assigned" warning is dropped; the class's other lines and that text elsewhere stay. The
 * filter is on the services' console appender once Boot has configured Logback.
 */
class BenignKafkaWarningsTests {

    @Test
    void dropsTheNoLongerAssignedWarningOfTheOffsetFetcherOnly() {
        LoggerContext context = new LoggerContext();
        BenignKafkaWarnings filter = new BenignKafkaWarnings();
        filter.start();
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.setContext(context);
        lines.addFilter(filter);
        lines.start();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(lines);
        Logger fetcher = context.getLogger(BenignKafkaWarnings.LOGGER);

        fetcher.warn("Not updating high watermark for partition {} as it is no longer assigned", "review.x-1");
        fetcher.warn("Not updating last stable offset for partition {} as it is no longer assigned", "review.x-2");
        fetcher.warn("Received unknown topic or partition error in ListOffset request for partition {}", "review.x-0");
        fetcher.error("Not updating high watermark for partition {} as it is no longer assigned", "review.x-1");
        context.getLogger("org.mtb.review").warn("Case {} as it is no longer assigned", "620900-1");

        assertThat(lines.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly(
                "Received unknown topic or partition error in ListOffset request for partition review.x-0",
                "Not updating high watermark for partition review.x-1 as it is no longer assigned",
                "Case 620900-1 as it is no longer assigned");
    }

    @Test
    void theServicesLogbackFiltersTheLinesItWritesAndAsksNoTurboFilterAboutEveryCall() throws Exception {
        LoggerContext context = new LoggerContext();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(getClass().getResource("/logback-spring.xml"));

        BenignKafkaWarningsOnConsole.addTo(context);
        BenignKafkaWarningsOnConsole.addTo(context);

        Appender<ILoggingEvent> console = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
                .getAppender(BenignKafkaWarningsOnConsole.APPENDER);
        assertThat(console).as("the services' appender").isNotNull();
        assertThat(console.getCopyOfAttachedFiltersList()).as("added once").hasExactlyElementsOfTypes(
                BenignKafkaWarnings.class);
        assertThat(console.getCopyOfAttachedFiltersList().getFirst().isStarted()).isTrue();
        assertThat(context.getTurboFilterList()).as("asked about every logging call, below INFO too").isEmpty();
        context.stop();
    }

    @Test
    void aServiceStartedBySpringBootHasTheFilterOnItsConsoleOnceLogbackIsConfigured() throws Exception {
        SpringApplication application = new SpringApplication(NothingElse.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        // The services' configuration, not this module's logback-test.xml, which Boot would otherwise prefer.
        application.setDefaultProperties(Map.of("logging.config", "classpath:logback-spring.xml"));
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        // Boot configures Logback once per JVM: a test context started before in this fork did so already.
        LoggingSystem.get(getClass().getClassLoader()).cleanUp();
        try (ConfigurableApplicationContext started = application.run()) {
            Appender<ILoggingEvent> console = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
                    .getAppender(BenignKafkaWarningsOnConsole.APPENDER);
            assertThat(console).as("configured from logback-spring.xml").isNotNull();
            assertThat(console.getCopyOfAttachedFiltersList()).hasExactlyElementsOfTypes(BenignKafkaWarnings.class);
        } finally {
            // Back to this module's configuration for the tests after this one in the same fork.
            context.reset();
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            configurator.doConfigure(getClass().getResource("/logback-test.xml"));
        }
    }

    /** A context with nothing in it: only Boot's start, and its logging, matter here. */
    @Configuration(proxyBeanMethods = false)
    static class NothingElse {
    }
}
