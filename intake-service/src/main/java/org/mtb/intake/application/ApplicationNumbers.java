package org.mtb.intake.application;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Hands out acceptance numbers {@code <region>-<yyyyMMdd>-<6-digit sequence>}, e.g. {@code 620900-20261123-000001}:
 * readable over the phone, sortable, and unique through an atomic counter per region and day.
 */
@Component
class ApplicationNumbers {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final MongoTemplate mongo;

    ApplicationNumbers(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    String next(String regionCode, LocalDate day) {
        String counter = regionCode + "-" + DAY.format(day);
        Document updated = mongo.findAndModify(Query.query(where("_id").is(counter)), new Update().inc("sequence", 1L),
                FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, "application_counters");
        long sequence = ((Number) updated.get("sequence")).longValue();
        return "%s-%06d".formatted(counter, sequence);
    }
}
