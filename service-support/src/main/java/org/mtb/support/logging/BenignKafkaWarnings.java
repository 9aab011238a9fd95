package org.mtb.support.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.jspecify.annotations.Nullable;
import org.slf4j.Marker;

/**
 * Drops one warning of kafka-clients 4.0 to 4.3 that says nothing is wrong: "Not updating high watermark (last stable
 * offset) for partition ... as it is no longer assigned". The client logs it whenever the end offsets it asked for
 * name a partition its consumer is not assigned. The binder's lag metric ({@code spring.cloud.stream.binder.kafka
 * .offset}, in the dashboards and alerts) asks for the end offsets of every partition with a consumer that is assigned
 * none, so every computation of the lag logged one warning per partition: about 70 lines a service per scrape here,
 * more than everything else the services log under load. Kafka lowers it to DEBUG from 4.4 (KAFKA-20449; also
 * spring-cloud-stream issue 3208). Every other line of that class, and of Kafka's, is logged as before.
 */
public final class BenignKafkaWarnings extends TurboFilter {

    static final String LOGGER = "org.apache.kafka.clients.consumer.internals.OffsetFetcherUtils";
    private static final String BENIGN = "as it is no longer assigned";

    @Override
    public FilterReply decide(@Nullable Marker marker, Logger logger, Level level, @Nullable String format,
            Object @Nullable [] params, @Nullable Throwable t) {
        return level == Level.WARN && format != null && format.endsWith(BENIGN) && LOGGER.equals(logger.getName())
                ? FilterReply.DENY : FilterReply.NEUTRAL;
    }
}
