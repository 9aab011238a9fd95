package org.mtb.review.calendar;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param defaultTimeZone and {@code defaultHours} make the calendar used for a region whose calendar has not
 *        arrived yet: the national schedule shipped with working-calendar and these hours, e.g.
 *        {@code 09:00-12:00,13:30-17:30}; its deadlines are recomputed when the region's calendar arrives
 * @param cacheTtl how long an instance keeps a built calendar before it checks the copy for a newer revision
 */
@ConfigurationProperties("review.calendar")
public record CalendarProperties(ZoneId defaultTimeZone, String defaultHours, Duration cacheTtl) {
}
