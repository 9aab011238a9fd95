package org.mtb.review.reviewcase;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.mtb.review.timer.DueTimer;
import org.mtb.review.timer.DueTimerHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/**
 * What the timer handlers of this package share: the cases a batch of timers is about, read in one find by id when
 * they are read ahead; each timer judged against its case; and at the moment, each due timer's case read again (it may
 * have changed meanwhile) and acted on.
 */
final class TimedCases {

    private TimedCases() {
    }

    /**
     * @param verdict a timer against its case as read ahead (null where the case is not stored yet)
     * @param act acts on a due timer with its case as it is now; answers whether it acted (false: acted on before, or
     *        no longer due)
     */
    static DueTimerHandler.Prepared prepare(MongoTemplate mongo, List<DueTimer> soon,
            BiFunction<@Nullable ReviewCase, DueTimer, DueTimerHandler.Verdict> verdict,
            BiPredicate<ReviewCase, DueTimer> act) {
        Map<String, ReviewCase> cases = of(mongo, soon);
        List<DueTimer> due = new ArrayList<>();
        List<DueTimer> notYet = new ArrayList<>();
        for (DueTimer timer : soon) {
            switch (verdict.apply(cases.get(timer.subject()), timer)) {
                case DUE -> due.add(timer);
                case NOT_YET -> notYet.add(timer);
                case STALE -> { }
            }
        }
        return DueTimerHandler.Prepared.of(notYet, () -> due.stream().filter(timer -> {
            ReviewCase current = mongo.findById(timer.subject(), ReviewCase.class);
            return current != null && act.test(current, timer);
        }).toList());
    }

    private static Map<String, ReviewCase> of(MongoTemplate mongo, List<DueTimer> timers) {
        return mongo.find(Query.query(where("_id").in(timers.stream().map(DueTimer::subject).distinct().toList())),
                ReviewCase.class).stream().collect(Collectors.toMap(ReviewCase::applicationNumber,
                        Function.identity()));
    }
}
