package org.mtb.review.reviewcase;

import java.util.List;
import java.util.function.Consumer;
import org.mtb.contracts.intake.ApplicationSupplemented;
import org.mtb.contracts.intake.ApplicationWithdrawn;
import org.mtb.support.consumer.EventBatches;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** Bindings of intake's events after submission: supplements reopen cases, withdrawals close them. */
@Configuration(proxyBeanMethods = false)
class IntakeEventsListener {

    @Bean
    Consumer<List<byte[]>> onApplicationSupplemented(SupplementsAndWithdrawals cases, JsonMapper json) {
        return payloads -> EventBatches.handle(payloads, payload -> json.readValue(payload,
                ApplicationSupplemented.class), cases::suppliedAll);
    }

    @Bean
    Consumer<List<byte[]>> onApplicationWithdrawn(SupplementsAndWithdrawals cases, JsonMapper json) {
        return payloads -> EventBatches.handle(payloads, payload -> json.readValue(payload,
                ApplicationWithdrawn.class), cases::withdrawnAll);
    }
}
