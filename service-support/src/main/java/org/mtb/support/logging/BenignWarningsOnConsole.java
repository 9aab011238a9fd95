package org.mtb.support.logging;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.SmartApplicationListener;

/**
 * Puts {@link BenignWarnings} on the services' console appender ({@code ASYNC_CONSOLE} of
 * {@code logback-spring.xml}) right after Spring Boot has configured Logback from that file. It is added here rather
 * than named in the file because Logback loads a class named in its configuration through its own class loader only,
 * and the local stack may load the project's code apart from the libraries (deploy/local-stack's
 * {@code OwnCodeLauncher}, when it cannot add the project's jars to the class path's loader), where Logback cannot
 * see it. Registered in {@code META-INF/spring.factories}.
 */
final class BenignWarningsOnConsole implements SmartApplicationListener {

    /** The appender of {@code logback-spring.xml} that writes every line of a service. */
    static final String APPENDER = "ASYNC_CONSOLE";

    @Override
    public boolean supportsEventType(Class<? extends ApplicationEvent> eventType) {
        return ApplicationEnvironmentPreparedEvent.class.isAssignableFrom(eventType);
    }

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        addTo(LoggerFactory.getILoggerFactory());
    }

    /** Just after Boot's own listener, which configures Logback on the same event. */
    @Override
    public int getOrder() {
        return LoggingApplicationListener.DEFAULT_ORDER + 1;
    }

    /** Adds the filter to the console appender, once; does nothing without Logback or without that appender. */
    static void addTo(ILoggerFactory loggers) {
        if (!(loggers instanceof LoggerContext context)) {
            return;
        }
        Appender<ILoggingEvent> console = context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(APPENDER);
        if (console == null || console.getCopyOfAttachedFiltersList().stream()
                .anyMatch(BenignWarnings.class::isInstance)) {
            return;
        }
        BenignWarnings filter = new BenignWarnings();
        filter.setContext(context);
        filter.start();
        console.addFilter(filter);
    }
}
