package org.mtb.review.reviewcase;

import java.util.function.Consumer;
import org.mtb.contracts.intake.ApplicationSubmitted;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import tools.jackson.databind.json.JsonMapper;

/** The binding of submitted applications: each opens a case; a message that keeps failing goes to the dead letters. */
@Configuration(proxyBeanMethods = false)
class ApplicationSubmittedListener {

    @Bean
    Consumer<Message<byte[]>> onApplicationSubmitted(CaseOpener opener, JsonMapper json) {
        return message -> opener.open(json.readValue(message.getPayload(), ApplicationSubmitted.class));
    }
}
