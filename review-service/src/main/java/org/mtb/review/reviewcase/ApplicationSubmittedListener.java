package org.mtb.review.reviewcase;

import java.util.List;
import java.util.function.Consumer;
import org.mtb.contracts.intake.ApplicationSubmitted;
import org.mtb.support.consumer.EventBatches;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * The binding of submitted applications, a poll's records at a time: each opens a case; a record that cannot be read
 * goes alone to the dead letters after its retries.
 */
@Configuration(proxyBeanMethods = false)
class ApplicationSubmittedListener {

    @Bean
    Consumer<List<byte[]>> onApplicationSubmitted(CaseOpener opener, JsonMapper json) {
        return payloads -> EventBatches.handle(payloads, payload -> json.readValue(payload,
                ApplicationSubmitted.class), opener::openAll);
    }
}
