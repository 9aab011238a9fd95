package org.mtb.review.reviewcase;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.mtb.contracts.intake.ApplicationKind;
import org.jspecify.annotations.Nullable;
import org.mtb.review.timer.DueTimer;
import org.mtb.review.timer.DueTimerHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Records a renewal or change on the qualification it continues, written as a timer due at the grant so that it is
 * done once even if the service stops between the two writes (there is no transaction over two cases). A renewed
 * qualification keeps paying until its end and then expires without telling anybody (no reminder, no expiry notice);
 * a changed one ends at once.
 */
@Component
class SuccessionTimers implements DueTimerHandler {

    private static final Logger log = LoggerFactory.getLogger(SuccessionTimers.class);

    private final MongoTemplate mongo;
    private final Clock clock;

    SuccessionTimers(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @Override
    public Set<String> kinds() {
        return Set.of(Approvals.SUCCESSION);
    }

    @Override
    public Prepared prepare(List<DueTimer> soon) {
        return TimedCases.prepare(mongo, soon, SuccessionTimers::verdict, (successor, timer) -> record(successor));
    }

    /** A successor whose qualification is not granted yet, while it is still open, is read again later. */
    private static Verdict verdict(@Nullable ReviewCase successor, DueTimer timer) {
        if (successor == null || successor.qualification() == null) {
            return successor == null || successor.status() == CaseStatus.OPEN ? Verdict.NOT_YET : Verdict.STALE;
        }
        return successor.qualification().replaces() != null && successor.succession() != null ? Verdict.DUE
                : Verdict.STALE;
    }

    private boolean record(ReviewCase successor) {
        String previousNumber = successor.qualification().replaces();
        for (int attempt = 0; attempt < 3; attempt++) {
            ReviewCase previous = mongo.findById(previousNumber.substring(2), ReviewCase.class);
            if (previous == null || previous.qualification() == null
                    || previous.qualification().successor() != null) {
                return false;
            }
            Qualification next = previous.qualification().succeededBy(successor.qualification().number());
            Instant now = clock.instant();
            if (successor.succession().kind() == ApplicationKind.CHANGE
                    && next.status() == Qualification.Status.ACTIVE) {
                next = next.ended(Qualification.Status.EXPIRED, now,
                        "已由变更后的资格" + successor.qualification().number() + "取代");
            }
            if (mongo.updateFirst(previous.unchanged(), new Update().set("qualification", next).inc("version", 1),
                    ReviewCase.class).getModifiedCount() == 1) {
                log.info("Qualification {} continued by {} ({})", previousNumber, successor.qualification().number(),
                        successor.succession().kind());
                return true;
            }
        }
        return false;
    }
}
