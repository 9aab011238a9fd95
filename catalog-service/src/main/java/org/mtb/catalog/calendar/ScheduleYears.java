package org.mtb.catalog.calendar;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** The imported schedule years. */
@Component
class ScheduleYears {

    private final MongoTemplate mongo;

    ScheduleYears(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    List<ScheduleYear> all() {
        return mongo.findAll(ScheduleYear.class);
    }

    Optional<ScheduleYear> find(String schedule, int year) {
        return Optional.ofNullable(mongo.findById(ScheduleYear.id(schedule, year), ScheduleYear.class));
    }

    /** @return false when another request stored the year first */
    boolean insert(ScheduleYear year) {
        try {
            mongo.insert(year);
            return true;
        } catch (DuplicateKeyException storedMeanwhile) {
            return false;
        }
    }

    /** @return false when another import replaced {@code current} since it was read */
    boolean replace(ScheduleYear current, ScheduleYear next) {
        Query unchanged = Query.query(where("_id").is(current.id()).and("imports").is(current.imports()));
        return mongo.replace(unchanged, next).getMatchedCount() == 1;
    }
}
