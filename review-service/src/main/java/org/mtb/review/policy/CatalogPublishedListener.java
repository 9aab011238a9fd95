package org.mtb.review.policy;

import java.util.function.Consumer;
import org.mtb.contracts.catalog.CatalogPublished;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class CatalogPublishedListener {

    @Bean
    Consumer<Message<byte[]>> onCatalogPublished(RegionPolicies policies, JsonMapper json) {
        return message -> policies.apply(json.readValue(message.getPayload(), CatalogPublished.class));
    }
}
