package org.mtb.review.calendar;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The newest calendar received for a region; an event with a lower revision changes nothing.
 *
 * @param calendar the {@code CalendarPublished} event as JSON: kept as text, because a stored {@code LocalDate} or
 *        {@code LocalTime} becomes an instant in the writing JVM's time zone and could read back shifted elsewhere
 */
@Document(CalendarCopy.COLLECTION)
record CalendarCopy(@Id String regionCode, long revision, String calendar, String eventId, Instant occurredAt) {

    static final String COLLECTION = "region_calendars";
}
