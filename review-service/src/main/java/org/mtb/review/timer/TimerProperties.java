package org.mtb.review.timer;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param pollInterval how often every instance looks for due timers; it bounds how late a timer fires
 * @param lookahead how long before their due moment timers are read in advance
 * @param shards buckets per minute, so that a minute in which many timers fall due is not one huge document
 * @param batchSize timers handed to the handler at once
 */
@ConfigurationProperties("review.timers")
public record TimerProperties(Duration pollInterval, Duration lookahead, int shards, int batchSize) {
}
