package org.mtb.notification.flow;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.mtb.notification.sms.SmsGateway;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Puts a gateway in front of the recording one that refuses the first SMS to {@link #FLAKY_PHONE}, as a provider
 * timing out would; every other SMS goes straight through.
 */
@TestConfiguration(proxyBeanMethods = false)
class FlakySmsGatewayConfiguration {

    static final String FLAKY_PHONE = "13900139000";

    @Bean
    @Primary
    SmsGateway flakySmsGateway(@Qualifier("recordingSmsGateway") SmsGateway recording) {
        Set<String> refusedOnce = ConcurrentHashMap.newKeySet();
        return (phone, text) -> {
            if (FLAKY_PHONE.equals(phone) && refusedOnce.add(text)) {
                // Providers quote the number they refused; the service must not store or log it in clear.
                throw new IllegalStateException("provider timed out sending to " + phone);
            }
            return recording.send(phone, text);
        };
    }
}
