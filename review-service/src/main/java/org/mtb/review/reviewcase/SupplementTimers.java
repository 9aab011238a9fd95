package org.mtb.review.reviewcase;


import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.mtb.review.timer.DueTimer;
import org.mtb.review.timer.DueTimerHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Acts on the timers that end an applicant's time to supplement (revision = the request's round). A timer is written
 * before its request is stored: while the case has fewer rounds it is read again later; once the round was answered,
 * or the case ended otherwise, it is stale.
 */
@Component
class SupplementTimers implements DueTimerHandler {

    private final MongoTemplate mongo;
    private final SupplementRequests requests;

    SupplementTimers(MongoTemplate mongo, SupplementRequests requests) {
        this.mongo = mongo;
        this.requests = requests;
    }

    @Override
    public Set<String> kinds() {
        return Set.of(SupplementRequests.LAPSE);
    }

    @Override
    public Prepared prepare(List<DueTimer> soon) {
        return TimedCases.prepare(mongo, soon, (c, timer) -> verdict(c, timer, requests),
                (current, timer) -> requests.lapse(current, (int) timer.revision(), timer.at()));
    }

    static Verdict verdict(@Nullable ReviewCase c, DueTimer timer, SupplementRequests requests) {
        if (c == null || c.rounds() < timer.revision() && c.status() == CaseStatus.OPEN) {
            return Verdict.NOT_YET;
        }
        boolean waiting = c.openSupplement().map(s -> s.round() == timer.revision()
                && requests.lapseAt(s.dueAt()).equals(timer.at())).orElse(false);
        return waiting ? Verdict.DUE : Verdict.STALE;
    }
}
