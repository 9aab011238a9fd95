package org.mtb.catalog.calendar;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;
import java.util.Optional;
import org.mtb.support.outbox.PendingOutbox;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** The published revision of each region's calendar. */
@Component
class CalendarRevisions {

    private final MongoTemplate mongo;
    private final PendingOutbox pendingOutbox;

    CalendarRevisions(MongoTemplate mongo, PendingOutbox pendingOutbox) {
        this.mongo = mongo;
        this.pendingOutbox = pendingOutbox;
    }

    Optional<CalendarRevision> find(String regionCode) {
        return Optional.ofNullable(mongo.findById(regionCode, CalendarRevision.class));
    }

    /** @return false when another instance stored the region's first revision meanwhile */
    boolean insertFirst(CalendarRevision first) {
        try {
            mongo.insert(first);
        } catch (DuplicateKeyException storedMeanwhile) {
            return false;
        }
        pendingOutbox.mark(CalendarRevision.COLLECTION, List.of(first.regionCode()));
        return true;
    }

    /** @return false when another instance stored a newer revision since {@code current} was read */
    boolean advance(CalendarRevision current, CalendarRevision next) {
        Query unchanged = Query.query(where("_id").is(current.regionCode()).and("revision").is(current.revision()));
        if (mongo.replace(unchanged, next).getMatchedCount() != 1) {
            return false;
        }
        pendingOutbox.mark(CalendarRevision.COLLECTION, List.of(next.regionCode()));
        return true;
    }
}
