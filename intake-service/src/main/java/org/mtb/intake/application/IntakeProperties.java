package org.mtb.intake.application;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param timeZone the zone whose calendar date goes into acceptance numbers
 * @param numberBlockSize acceptance numbers an instance takes from a region's daily counter at a time (at least 1)
 */
@ConfigurationProperties("intake")
record IntakeProperties(int idempotencyKeyMaxLength, ZoneId timeZone, int numberBlockSize) {

    IntakeProperties {
        if (numberBlockSize < 1) {
            throw new IllegalArgumentException("intake.number-block-size must be at least 1, got " + numberBlockSize);
        }
    }
}
