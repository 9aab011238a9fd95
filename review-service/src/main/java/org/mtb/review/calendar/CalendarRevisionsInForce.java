package org.mtb.review.calendar;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The calendar revision review counts each region's deadlines with, {@code review.calendar.revision.in.force{region}},
 * for ops to see which calendar applies and to be told when a region with cases has none (it is then counted on the
 * shipped national calendar, revision 0, and not listed). Read from the copies all instances share.
 */
@Component
class CalendarRevisionsInForce {

    private final MongoTemplate mongo;
    private final MultiGauge revisions;

    CalendarRevisionsInForce(MongoTemplate mongo, MeterRegistry meters) {
        this.mongo = mongo;
        this.revisions = MultiGauge.builder("review.calendar.revision.in.force")
                .description("The revision of the calendar review counts deadlines with, per region").register(meters);
    }

    @Scheduled(fixedDelayString = "${review.metrics-refresh-interval}")
    void refresh() {
        // The revision only: a copy carries the whole calendar as text.
        Query copies = new Query();
        copies.fields().include("revision");
        revisions.register(mongo.find(copies, Document.class, CalendarCopy.COLLECTION).stream()
                .map(copy -> MultiGauge.Row.of(Tags.of("region", copy.getString("_id")), revision(copy)))
                .toList(), true);
    }

    private static long revision(Document copy) {
        Number revision = copy.get("revision", Number.class);
        return revision == null ? 0 : revision.longValue();
    }
}
