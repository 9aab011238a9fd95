package org.mtb.support.json;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import tools.jackson.module.blackbird.BlackbirdModule;

/**
 * Jackson's Blackbird module in the {@code JsonMapper} of every service (Boot registers each module bean). Jackson
 * builds an event record through its canonical constructor and reads its components by reflection, and the JDK's
 * reflection runs through method handles that C1, the only compiler of review, notification and catalog, does not
 * inline: reading one {@code ApplicationSubmitted} with eleven materials took about 73 µs of CPU at C1, 44 µs with
 * Blackbird, which calls them through classes it generates (benchmarks/README.md, "Events read without reflection").
 * Review and notification each read every application's event. What is read and written is the same
 * ({@code EventJsonTests}: every golden fixture of the contracts).
 */
@AutoConfiguration
public class EventJsonAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    BlackbirdModule blackbirdModule() {
        return new BlackbirdModule();
    }
}
