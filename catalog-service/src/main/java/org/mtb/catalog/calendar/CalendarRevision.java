package org.mtb.catalog.calendar;

import java.time.Instant;
import java.util.List;
import org.mtb.support.outbox.OutboxEntry;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The last published revision of a region's calendar. A new revision, with its {@code CalendarPublished} in
 * {@code outbox}, is written only when the calendar's fingerprint differs, in one conditional single-document
 * write, so restarts publish nothing again and two instances never publish one change twice.
 *
 * @param years the years with a known schedule in this revision, for people reading the collection
 * @param outbox at most the newest event: it carries the whole calendar, so it supersedes one still waiting
 */
@Document(CalendarRevision.COLLECTION)
record CalendarRevision(
        @Id String regionCode,
        long revision,
        String fingerprint,
        List<Integer> years,
        Instant changedAt,
        List<OutboxEntry> outbox) {

    static final String COLLECTION = "region_calendars";
}
