package org.mtb.intake.application;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param timeZone the zone whose calendar date goes into acceptance numbers */
@ConfigurationProperties("intake")
record IntakeProperties(int idempotencyKeyMaxLength, ZoneId timeZone) {
}
