package org.mtb.support.web;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.function.IntConsumer;
import org.apache.catalina.core.StandardHost;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.tomcat.TomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.json.JsonMapper;

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

    /**
     * The bound on API requests at work at once; see {@link BusyGate}. A newcomer waits up to {@code mtb.web.burst-wait}
     * (1 s, or {@code mtb.web.max-wait} if longer) while the queue empties now and then, {@code mtb.web.max-wait}
     * (300 ms) once it stands; at most {@code mtb.web.max-waiting} (as many as may work) wait at once.
     */
    @Bean
    FilterRegistrationBean<BusyGate> busyGate(Environment environment, ObjectProvider<MeterRegistry> meters) {
        Duration maxWait = environment.getProperty("mtb.web.max-wait", Duration.class, Duration.ofMillis(300));
        Duration longer = maxWait.compareTo(Duration.ofSeconds(1)) > 0 ? maxWait : Duration.ofSeconds(1);
        int places = environment.getProperty("mtb.web.max-concurrent-requests", Integer.class, 64);
        BusyGate gate = new BusyGate(places, environment.getProperty("mtb.web.max-waiting", Integer.class, places),
                maxWait, environment.getProperty("mtb.web.burst-wait", Duration.class, longer),
                meters.getIfAvailable(SimpleMeterRegistry::new));
        FilterRegistrationBean<BusyGate> registration = new FilterRegistrationBean<>(gate);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /** The bound on a request's body; see {@link RequestBodyLimit}. Before everything else, the busy gate too. */
    @Bean
    FilterRegistrationBean<RequestBodyLimit> requestBodyLimit(Environment environment,
            ObjectProvider<MeterRegistry> meters) {
        DataSize max = environment.getProperty("mtb.web.max-body", DataSize.class, DataSize.ofMegabytes(1));
        DataSize drain = environment.getProperty("mtb.web.max-drain", DataSize.class, DataSize.ofMegabytes(32));
        FilterRegistrationBean<RequestBodyLimit> registration = new FilterRegistrationBean<>(new RequestBodyLimit(
                max.toBytes(), drain.toBytes(), meters.getIfAvailable(SimpleMeterRegistry::new)));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        return registration;
    }

    /** Answers that fit Tomcat's buffer sent whole, with their length; see {@link WholeAnswers}. */
    @Bean
    FilterRegistrationBean<WholeAnswers> wholeAnswers() {
        FilterRegistrationBean<WholeAnswers> registration = new FilterRegistrationBean<>(new WholeAnswers());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /**
     * Tomcat's connector protocol, when a service names one in {@code mtb.web.tomcat-protocol}; Tomcat's NIO otherwise.
     * Intake names NIO2; why, and what it measured, is beside the setting in intake's {@code application.yml}.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(TomcatWebServerFactory.class)
    static class TomcatProtocol {

        @Bean
        WebServerFactoryCustomizer<TomcatWebServerFactory> tomcatProtocol(Environment environment) {
            return factory -> {
                String protocol = environment.getProperty("mtb.web.tomcat-protocol");
                if (protocol != null && !protocol.isBlank()) {
                    factory.setProtocol(protocol.strip());
                }
            };
        }
    }

    /**
     * Spring's JSON converter, telling every field of a body Jackson cannot take rather than the first; see {@link
     * FieldProblemsJsonConverter}. It takes the JSON converter's place among the server's converters (after Boot's
     * own customizer has set it: the last one set stays), so that a text answer is still written as text.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(JsonMapper.class)
    static class JsonBodies {

        @Bean
        @Order(Ordered.LOWEST_PRECEDENCE)
        ServerHttpMessageConvertersCustomizer fieldProblemsJsonConverter(JsonMapper mapper) {
            return converters -> converters.withJsonConverter(new FieldProblemsJsonConverter(mapper));
        }
    }

    /** Tomcat's own refusals as problem+json too; see {@link ProblemReportValve}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({StandardHost.class, ConfigurableTomcatWebServerFactory.class})
    static class TomcatProblemReports {

        @Bean
        WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> problemReportValve(
                ObjectProvider<MeterRegistry> meters) {
            MeterRegistry registry = meters.getIfAvailable(SimpleMeterRegistry::new);
            // The usual refusal counted from the start, so that a rate of it reads 0 rather than nothing.
            registry.counter(Problems.REFUSED_METRIC, "code", Problems.codeFor(HttpStatus.BAD_REQUEST));
            IntConsumer refusals = status -> registry.counter(Problems.REFUSED_METRIC,
                    "code", Problems.codeFor(HttpStatusCode.valueOf(status))).increment();
            return factory -> factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    // The host adds a valve of this class by its name only when its pipeline holds none yet.
                    host.getPipeline().addValve(new ProblemReportValve(refusals));
                    host.setErrorReportValveClass(ProblemReportValve.class.getName());
                }
            });
        }
    }
}
