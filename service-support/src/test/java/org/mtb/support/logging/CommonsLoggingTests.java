package org.mtb.support.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Spring's lines below INFO are built only when their level is on: Commons Logging goes through the Log4j API
 * ({@code commons-logging.properties}), not through its SLF4J adapter, which built every message first.
 */
class CommonsLoggingTests {

    @Test
    void aMessageBelowTheLoggersLevelIsNeverBuiltAndOneAtItIsBuiltOnce() {
        String name = "org.mtb.support.logging.CommonsLoggingTests.lazy";
        Logger logback = (Logger) LoggerFactory.getLogger(name);
        Log log = LogFactory.getLog(name);
        AtomicInteger built = new AtomicInteger();
        Object message = new Object() {
            @Override
            public String toString() {
                built.incrementAndGet();
                return "Authorizing method invocation";
            }
        };

        logback.setLevel(Level.INFO);
        log.debug(message);
        log.trace(message);
        assertThat(built).as("built below INFO").hasValue(0);

        logback.setLevel(Level.DEBUG);
        log.debug(message);
        assertThat(built).as("built at DEBUG").hasValue(1);
    }

    @Test
    void commonsLoggingIsBoundToTheLog4jApi() {
        assertThat(LogFactory.getFactory().getClass().getName())
                .isEqualTo("org.apache.commons.logging.impl.Log4jApiLogFactory");
    }
}
