package org.mtb.intake.progress;

import java.util.function.Consumer;
import org.mtb.contracts.review.ApplicationDecided;
import org.mtb.contracts.review.ReviewStarted;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import tools.jackson.databind.json.JsonMapper;

/** Bindings of review's events; a message that keeps failing goes to the binder's dead-letter topic. */
@Configuration(proxyBeanMethods = false)
class ReviewEventsListener {

    @Bean
    Consumer<Message<byte[]>> onReviewStarted(ApplicationProgress progress, JsonMapper json) {
        return message -> progress.reviewStarted(json.readValue(message.getPayload(), ReviewStarted.class));
    }

    @Bean
    Consumer<Message<byte[]>> onApplicationDecided(ApplicationProgress progress, JsonMapper json) {
        return message -> progress.decided(json.readValue(message.getPayload(), ApplicationDecided.class));
    }
}
