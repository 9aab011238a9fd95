package org.mtb.catalog.calendar;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.mtb.catalog.calendar.RegionCalendars.RegionCalendar;
import org.mtb.contracts.Topics;
import org.mtb.contracts.calendar.CalendarPublished;
import org.mtb.support.outbox.OutboxEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Puts a {@code CalendarPublished} with the next revision into a region's outbox when its calendar differs from
 * the one last published; the outbox relay sends it, so it is not lost while Kafka is down.
 */
@Component
class CalendarPublication {

    private static final Logger log = LoggerFactory.getLogger(CalendarPublication.class);
    private static final int ATTEMPTS = 5;

    private final RegionCalendars calendars;
    private final CalendarRevisions revisions;
    private final JsonMapper json;
    private final Clock clock;

    CalendarPublication(RegionCalendars calendars, CalendarRevisions revisions, JsonMapper json, Clock clock) {
        this.calendars = calendars;
        this.revisions = revisions;
        this.json = json;
        this.clock = clock;
    }

    /** @return every region's revision now, changed or not, by region code */
    Map<String, Long> publishChanged() {
        Instant now = clock.instant();
        Map<String, Long> current = new TreeMap<>();
        for (RegionCalendar region : calendars.all()) {
            current.put(region.regionCode(), publishIfChanged(CalendarContent.of(region), now));
        }
        return current;
    }

    private long publishIfChanged(CalendarContent content, Instant now) {
        String fingerprint = content.fingerprint();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<CalendarRevision> published = revisions.find(content.regionCode());
            if (published.isPresent() && published.get().fingerprint().equals(fingerprint)) {
                return published.get().revision();
            }
            long next = published.map(p -> p.revision() + 1).orElse(1L);
            CalendarRevision revision = new CalendarRevision(content.regionCode(), next, fingerprint, content.years(),
                    now, List.of(outboxEntry(content.event(next, now))));
            boolean stored = published.isPresent() ? revisions.advance(published.get(), revision)
                    : revisions.insertFirst(revision);
            if (stored) {
                log.info("Region {} calendar revision {} with schedules for {} is being published",
                        content.regionCode(), next, content.years());
                return next;
            }
            // Another instance stored a revision meanwhile: look again whether it is this content.
        }
        throw new IllegalStateException("The calendar of region " + content.regionCode() + " changed " + ATTEMPTS
                + " times while it was being published");
    }

    private OutboxEntry outboxEntry(CalendarPublished event) {
        return new OutboxEntry(event.eventId().toString(), Topics.CALENDAR_PUBLISHED, event.regionCode(),
                json.writeValueAsString(event), event.occurredAt());
    }
}
