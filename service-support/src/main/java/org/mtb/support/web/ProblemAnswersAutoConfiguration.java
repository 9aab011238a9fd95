package org.mtb.support.web;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Answers every refusal and failure of a servlet service as problem+json. Before Boot's own MVC configuration,
 * whose problem-details handler steps back when this one is present. Also imported by {@code @WebMvcTest} slices,
 * so controller tests see the answers the running service gives.
 */
@AutoConfiguration(before = WebMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ProblemAnswersAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(ResponseEntityExceptionHandler.class)
    ApiProblemHandler apiProblemHandler() {
        return new ApiProblemHandler();
    }

    /** The bound on API requests at work at once; see {@link BusyGate}. */
    @Bean
    FilterRegistrationBean<BusyGate> busyGate(Environment environment, ObjectProvider<MeterRegistry> meters) {
        BusyGate gate = new BusyGate(environment.getProperty("mtb.web.max-concurrent-requests", Integer.class, 64),
                environment.getProperty("mtb.web.max-wait", Duration.class, Duration.ofMillis(300)),
                meters.getIfAvailable(SimpleMeterRegistry::new));
        FilterRegistrationBean<BusyGate> registration = new FilterRegistrationBean<>(gate);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
