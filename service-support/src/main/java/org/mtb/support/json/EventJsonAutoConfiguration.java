package org.mtb.support.json;

import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;
import tools.jackson.databind.ext.javatime.deser.LocalDateDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.module.blackbird.BlackbirdModule;

/**
 * How the {@code JsonMapper} of every service reads events (Boot registers each module bean).
 *
 * <p>Jackson's Blackbird module: Jackson builds an event record through its canonical constructor and reads its
 * components by reflection, and the JDK's reflection runs through method handles that C1, the only compiler of
 * review, notification and catalog, does not inline; Blackbird calls them through classes it generates. Review and
 * notification each read every application's event. What is read and written is the same ({@code EventJsonTests}:
 * every golden fixture of the contracts).
 *
 * <p>Then the dates: an {@code ApplicationSubmitted} carries two instants and a date for each material, and Jackson
 * reads each through {@code DateTimeFormatter}, the largest part of what reading an event still cost in review's
 * profile with Blackbird. {@link #isoDates} reads their common text form directly and leaves every other form to
 * Jackson's own deserializers ({@link IsoDateDeserializer}, {@code IsoDatesTests}). Measured in benchmarks/README.md,
 * "Events read without reflection".
 */
@AutoConfiguration
public class EventJsonAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public BlackbirdModule blackbirdModule() {
        return new BlackbirdModule();
    }

    @Bean
    public SimpleModule isoDates() {
        return new SimpleModule("mtb-iso-dates")
                .addDeserializer(Instant.class, isoDate(InstantDeserializer.INSTANT, IsoDates::instant))
                .addDeserializer(LocalDate.class, isoDate(LocalDateDeserializer.INSTANCE, IsoDates::localDate));
    }

    @SuppressWarnings("unchecked")
    private static <T> ValueDeserializer<T> isoDate(ValueDeserializer<T> standard,
            Function<String, @Nullable T> commonForm) {
        return (ValueDeserializer<T>) (ValueDeserializer<?>) new IsoDateDeserializer(standard, commonForm);
    }
}
