package org.mtb.review.timer;

import java.time.Duration;
import org.mtb.support.scheduling.DedicatedLoop;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The poller runs on a thread of its own: on Spring's shared scheduler it would wait behind every other scheduled
 * task (a recount over every case, a relay round while Kafka is down), and timers must fire within a second.
 */
@Configuration(proxyBeanMethods = false)
class TimerLoop {

    @Bean
    DedicatedLoop dueTimerLoop(DueTimerPoller poller, TimerProperties properties) {
        return new DedicatedLoop("due-timers", Duration.ZERO, properties.pollInterval(), poller::poll);
    }
}
