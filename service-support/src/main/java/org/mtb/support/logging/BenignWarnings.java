package org.mtb.support.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Drops two warnings that say nothing is wrong, both about the Kafka binder's lag metric ({@code
 * spring.cloud.stream.binder.kafka.offset}, in the dashboards and alerts); every other line of those loggers is logged
 * as before.
 * <ul>
 *   <li>kafka-clients 4.0 to 4.3: "Not updating high watermark (last stable offset) for partition ... as it is no
 *   longer assigned". The client logs it whenever the end offsets it asked for name a partition its consumer is not
 *   assigned, and the lag metric asks for the end offsets of every partition with a consumer that is assigned none,
 *   so every computation of the lag logged one warning per partition: about 70 lines a service per scrape here, more
 *   than everything else the services log under load. Kafka lowers it to DEBUG from 4.4 (KAFKA-20449; also
 *   spring-cloud-stream issue 3208).</li>
 *   <li>Micrometer: "This Gauge has been already registered (MeterId{name='spring.cloud.stream.binder.kafka.offset'
 *   ...), the registration will be ignored", once a start: the binder registers its lag gauges again each time a
 *   binding is made, the same gauge of the same binder, which Micrometer keeps ("safe to call multiple times", the
 *   binder's {@code KafkaBinderMetrics}).</li>
 * </ul>
 *
 * <p>A filter of the appender, not a turbo filter: Logback asks every turbo filter about every logging call, those
 * below the logger's level included, and the MongoDB driver alone asks whether DEBUG is on several times a command (a
 * profile of intake under load had 2% of its CPU in that question). An appender's filter sees only the lines written.
 */
public final class BenignWarnings extends Filter<ILoggingEvent> {

    static final String OFFSET_FETCHER = "org.apache.kafka.clients.consumer.internals.OffsetFetcherUtils";
    static final String METER_REGISTRY = "io.micrometer.core.instrument.MeterRegistry";
    private static final String NO_LONGER_ASSIGNED = "as it is no longer assigned";
    private static final String BINDER_LAG_GAUGE_AGAIN =
            "This Gauge has been already registered (MeterId{name='spring.cloud.stream.binder.kafka.offset'";

    @Override
    public FilterReply decide(ILoggingEvent line) {
        String format = line.getMessage();
        String logger = line.getLoggerName();
        if (line.getLevel() != Level.WARN || format == null || logger == null) {
            return FilterReply.NEUTRAL;
        }
        boolean benign = switch (logger) {
            case OFFSET_FETCHER -> format.endsWith(NO_LONGER_ASSIGNED);
            case METER_REGISTRY -> format.startsWith(BINDER_LAG_GAUGE_AGAIN);
            default -> false;
        };
        return benign ? FilterReply.DENY : FilterReply.NEUTRAL;
    }
}
