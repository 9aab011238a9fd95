package org.mtb.support.json;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.module.blackbird.BlackbirdModule;

/**
 * Boot also finds Blackbird on the class path by itself unless {@code spring.jackson.find-and-add-modules} is off;
 * with it off, the service's mapper still has the module, from this configuration alone.
 */
class EventJsonAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withPropertyValues("spring.jackson.find-and-add-modules=false");

    @Test
    void theServicesJsonMapperReadsWithBlackbird() {
        runner.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, EventJsonAutoConfiguration.class))
                .run(context -> assertThat(context.getBean(JsonMapper.class).registeredModules())
                        .anyMatch(BlackbirdModule.class::isInstance));
    }

    @Test
    void withoutThisConfigurationTheMapperWouldNotHaveIt() {
        runner.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
                .run(context -> assertThat(context.getBean(JsonMapper.class).registeredModules())
                        .noneMatch(BlackbirdModule.class::isInstance));
    }
}
