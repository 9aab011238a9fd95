package org.mtb.support.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
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
 * Only the client's "no longer assigned" warning and Micrometer's of the binder's lag gauge registered again are
 * dropped; the classes' other lines and that text elsewhere stay. The filter is on the services' console appender once
 * Boot has configured Logback.
 */
class BenignWarningsTests {

    @Test
    void dropsTheNoLongerAssignedWarningOfTheOffsetFetcherOnly() {
        LoggerContext context = new LoggerContext();
        ListAppender<ILoggingEvent> lines = linesThroughTheFilter(context);
        Logger fetcher = context.getLogger(BenignWarnings.OFFSET_FETCHER);

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
    void dropsTheWarningOfTheBindersLagGaugeRegisteredAgainOnly() {
        LoggerContext context = new LoggerContext();
        ListAppender<ILoggingEvent> lines = linesThroughTheFilter(context);
        Logger meters = context.getLogger(BenignWarnings.METER_REGISTRY);
        String again = "This Gauge has been already registered (MeterId{name='%s', tags=[tag(group=review-service),"
                + "tag(topic=intake.application-submitted)]}), the registration will be ignored. Note that subsequent"
                + " logs will be logged at debug level.";

        meters.warn(again.formatted("spring.cloud.stream.binder.kafka.offset"));
        meters.warn(again.formatted("review.cases.open"));
        meters.info(again.formatted("spring.cloud.stream.binder.kafka.offset"));
        context.getLogger("org.mtb.review").warn(again.formatted("spring.cloud.stream.binder.kafka.offset"));

        assertThat(lines.list).extracting(ILoggingEvent::getLoggerName).containsExactly(
                BenignWarnings.METER_REGISTRY, BenignWarnings.METER_REGISTRY, "org.mtb.review");
        assertThat(lines.list.getFirst().getFormattedMessage()).contains("review.cases.open");
        assertThat(lines.list.get(1).getLevel()).isEqualTo(Level.INFO);
    }

    /** What reaches an appender of every logger that has the filter, as the services' console has it. */
    private static ListAppender<ILoggingEvent> linesThroughTheFilter(LoggerContext context) {
        BenignWarnings filter = new BenignWarnings();
        filter.start();
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.setContext(context);
        lines.addFilter(filter);
        lines.start();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(lines);
        return lines;
    }

    @Test
    void theServicesLogbackFiltersTheLinesItWritesAndAsksNoTurboFilterAboutEveryCall() throws Exception {
        LoggerContext context = new LoggerContext();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(getClass().getResource("/logback-spring.xml"));

        BenignWarningsOnConsole.addTo(context);
        BenignWarningsOnConsole.addTo(context);

        Appender<ILoggingEvent> console = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
                .getAppender(BenignWarningsOnConsole.APPENDER);
        assertThat(console).as("the services' appender").isNotNull();
        assertThat(console.getCopyOfAttachedFiltersList()).as("added once").hasExactlyElementsOfTypes(
                BenignWarnings.class);
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
                    .getAppender(BenignWarningsOnConsole.APPENDER);
            assertThat(console).as("configured from logback-spring.xml").isNotNull();
            assertThat(console.getCopyOfAttachedFiltersList()).hasExactlyElementsOfTypes(BenignWarnings.class);
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
