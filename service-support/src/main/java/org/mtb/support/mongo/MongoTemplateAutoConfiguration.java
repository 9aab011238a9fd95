package org.mtb.support.mongo;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The services' {@link MongoTemplate} publishes no entity lifecycle events ({@code BeforeConvertEvent},
 * {@code AfterSaveEvent}, {@code AfterLoadEvent} and the others). Nothing of ours listens to them, and publishing them
 * were 1.5-2.2 % of each service's CPU samples under load (JFR: two to five events per document written or read, each
 * looked up against every listener of the context). A service that needs them sets
 * {@code mtb.mongo.entity-lifecycle-events=true}. Entity callbacks, which Spring Data calls directly, are not
 * affected.
 */
@AutoConfiguration
@ConditionalOnClass(MongoTemplate.class)
@ConditionalOnProperty(name = "mtb.mongo.entity-lifecycle-events", havingValue = "false", matchIfMissing = true)
public class MongoTemplateAutoConfiguration {

    @Bean
    static BeanPostProcessor noEntityLifecycleEvents() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof MongoTemplate template) {
                    template.setEntityLifecycleEventsEnabled(false);
                }
                return bean;
            }
        };
    }
}
