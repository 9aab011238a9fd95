package org.mtb.review.timer;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param pollInterval how often every instance looks for due timers; it bounds how late a timer fires
 * @param lookahead how long before their due moment timers are read in advance
 * @param shards buckets per minute, so that a minute in which many timers fall due is not one huge document
 * @param batchSize timers handed to the handler at once
 * @param orphanGrace how long after its due moment a timer whose subject is still not there (its writer died after
 *        the timer and before the subject; the subject's own writer sets its timers again) is looked for before it
 *        is dropped
 */
@ConfigurationProperties("review.timers")
public record TimerProperties(Duration pollInterval, Duration lookahead, int shards, int batchSize,
        Duration orphanGrace) {
}
