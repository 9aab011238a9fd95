package org.mtb.support.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Drops one warning of kafka-clients 4.0 to 4.3 that says nothing is wrong: "Not updating high watermark (last stable
 * offset) for partition ... as it is no longer assigned". The client logs it whenever the end offsets it asked for
 * name a partition its consumer is not assigned. The binder's lag metric ({@code spring.cloud.stream.binder.kafka
 * .offset}, in the dashboards and alerts) asks for the end offsets of every partition with a consumer that is assigned
 * none, so every computation of the lag logged one warning per partition: about 70 lines a service per scrape here,
 * more than everything else the services log under load. Kafka lowers it to DEBUG from 4.4 (KAFKA-20449; also
 * spring-cloud-stream issue 3208). Every other line of that class, and of Kafka's, is logged as before.
 *
 * <p>A filter of the appender, not a turbo filter: Logback asks every turbo filter about every logging call, those
 * below the logger's level included, and the MongoDB driver alone asks whether DEBUG is on several times a command (a
 * profile of intake under load had 2% of its CPU in that question). An appender's filter sees only the lines written.
 */
public final class BenignKafkaWarnings extends Filter<ILoggingEvent> {

    static final String LOGGER = "org.apache.kafka.clients.consumer.internals.OffsetFetcherUtils";
    private static final String BENIGN = "as it is no longer assigned";

    @Override
    public FilterReply decide(ILoggingEvent line) {
        String format = line.getMessage();
        return line.getLevel() == Level.WARN && format != null && format.endsWith(BENIGN)
                && LOGGER.equals(line.getLoggerName()) ? FilterReply.DENY : FilterReply.NEUTRAL;
    }
}
