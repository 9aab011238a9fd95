package org.mtb.notification.message;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MessageConfiguration {

    /** Loaded once at startup, so that a broken template file stops the service instead of the first event. */
    @Bean
    MessageTemplates messageTemplates() {
        return MessageTemplates.fromClasspath();
    }
}
