package org.mtb.support.json;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.module.blackbird.BlackbirdModule;

/**
 * Boot also finds Blackbird on the class path by itself unless {@code spring.jackson.find-and-add-modules} is off;
 * with it off, the service's mapper still has the module, from this configuration alone.
 */
class EventJsonAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withPropertyValues("spring.jackson.find-and-add-modules=false");

    private static final JsonMapper STANDARD = JsonMapper.builder().build();

    private final ApplicationContextRunner services = runner
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, EventJsonAutoConfiguration.class));

    @Test
    void theServicesJsonMapperReadsWithBlackbirdAndTheCommonDateForms() {
        services.run(context -> assertThat(context.getBean(JsonMapper.class).registeredModules())
                .anyMatch(BlackbirdModule.class::isInstance)
                .anyMatch(module -> "mtb-iso-dates".equals(module.getModuleName())));
    }

    @Test
    void readsDatesOfEveryFormAsJacksonDoesAndRefusesWhatItRefuses() {
        services.run(context -> {
            JsonMapper json = context.getBean(JsonMapper.class);
            for (String instant : List.of("\"2026-11-23T02:15:30Z\"", "\"2026-11-23T02:15:30.123456789Z\"",
                    "\"2026-11-23T02:15:30+08:00\"", "\"2026-11-23t02:15:30z\"", "1700000000",
                    "1700000000.5", "null", "\"2026-11-23T23:59:60Z\"")) {
                String body = "{\"at\":" + instant + ",\"on\":\"2026-11-23\"}";
                assertThat(json.readValue(body, Dated.class)).as(body)
                        .isEqualTo(STANDARD.readValue(body, Dated.class));
            }
            for (String date : List.of("\"2024-02-29\"", "[2026,11,23]", "null", "\"2026-11-23T00:00:00\"")) {
                String body = "{\"at\":\"2026-11-23T02:15:30Z\",\"on\":" + date + "}";
                assertThat(json.readValue(body, Dated.class)).as(body)
                        .isEqualTo(STANDARD.readValue(body, Dated.class));
            }
            for (String body : List.of("{\"on\":\"2026-02-30\"}", "{\"on\":\"2026-11-32\"}",
                    "{\"at\":\"2026-11-23T25:00:00Z\"}", "{\"at\":\"yesterday\"}")) {
                assertThatThrownBy(() -> STANDARD.readValue(body, Dated.class)).as(body)
                        .isInstanceOf(DatabindException.class);
                assertThatThrownBy(() -> json.readValue(body, Dated.class)).as(body)
                        .isInstanceOf(DatabindException.class);
            }
        });
    }

    @Test
    void aFormatSetOnAPropertyIsReadAsJacksonReadsIt() {
        services.run(context -> {
            JsonMapper json = context.getBean(JsonMapper.class);
            assertThat(json.readValue("{\"on\":\"23/11/2026\"}", Formatted.class).on())
                    .isEqualTo(LocalDate.of(2026, 11, 23));
            assertThatThrownBy(() -> json.readValue("{\"on\":\"2026-11-23\"}", Formatted.class))
                    .as("the common form is not the property's").isInstanceOf(DatabindException.class);
            assertThatThrownBy(() -> STANDARD.readValue("{\"on\":\"2026-11-23\"}", Formatted.class))
                    .isInstanceOf(DatabindException.class);
        });
    }

    @Test
    void withoutThisConfigurationTheMapperWouldNotHaveIt() {
        runner.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
                .run(context -> assertThat(context.getBean(JsonMapper.class).registeredModules())
                        .noneMatch(BlackbirdModule.class::isInstance));
    }

    record Dated(@Nullable Instant at, @Nullable LocalDate on) {
    }

    record Formatted(@JsonFormat(pattern = "dd/MM/yyyy") LocalDate on) {
    }
}
