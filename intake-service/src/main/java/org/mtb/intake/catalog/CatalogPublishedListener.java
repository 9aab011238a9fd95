package org.mtb.intake.catalog;

import java.util.function.Consumer;
import org.mtb.contracts.catalog.CatalogPublished;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class CatalogPublishedListener {

    @Bean
    Consumer<Message<byte[]>> onCatalogPublished(CatalogCopy catalog, JsonMapper json) {
        return message -> catalog.apply(json.readValue(message.getPayload(), CatalogPublished.class));
    }
}
