package org.mtb.notification.message;

import java.util.function.Consumer;
import org.mtb.contracts.intake.ApplicationSubmitted;
import org.mtb.contracts.review.ApplicationDecided;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import tools.jackson.databind.json.JsonMapper;

/** Bindings of the events applicants are told about; a message that keeps failing goes to the dead-letter topic. */
@Configuration(proxyBeanMethods = false)
class NotificationEventsListener {

    @Bean
    Consumer<Message<byte[]>> onApplicationSubmitted(Notifier notifier, JsonMapper json) {
        return message -> notifier.submitted(json.readValue(message.getPayload(), ApplicationSubmitted.class));
    }

    @Bean
    Consumer<Message<byte[]>> onApplicationDecided(Notifier notifier, JsonMapper json) {
        return message -> notifier.decided(json.readValue(message.getPayload(), ApplicationDecided.class));
    }
}
