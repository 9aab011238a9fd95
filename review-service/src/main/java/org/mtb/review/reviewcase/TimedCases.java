package org.mtb.review.reviewcase;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.mtb.review.timer.DueTimer;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/** The cases a batch of timers is about, read in one find by id, for the timer handlers of this package. */
final class TimedCases {

    private TimedCases() {
    }

    static Map<String, ReviewCase> of(MongoTemplate mongo, List<DueTimer> timers) {
        return mongo.find(Query.query(where("_id").in(timers.stream().map(DueTimer::subject).distinct().toList())),
                ReviewCase.class).stream().collect(Collectors.toMap(ReviewCase::applicationNumber,
                        Function.identity()));
    }
}
