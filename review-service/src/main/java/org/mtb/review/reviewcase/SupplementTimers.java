package org.mtb.review.reviewcase;


import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
        Map<String, ReviewCase> cases = TimedCases.of(mongo, soon);
        List<DueTimer> due = new ArrayList<>();
        List<DueTimer> notYet = new ArrayList<>();
        for (DueTimer timer : soon) {
            switch (verdict(cases.get(timer.subject()), timer, requests)) {
                case DUE -> due.add(timer);
                case NOT_YET -> notYet.add(timer);
                case STALE -> { }
            }
        }
        return Prepared.of(notYet, () -> due.stream().filter(timer -> {
            ReviewCase current = mongo.findById(timer.subject(), ReviewCase.class);
            return current != null && requests.lapse(current, (int) timer.revision(), timer.at());
        }).toList());
    }

    enum Verdict { DUE, NOT_YET, STALE }

    static Verdict verdict(@Nullable ReviewCase c, DueTimer timer, SupplementRequests requests) {
        if (c == null || c.rounds() < timer.revision() && c.status() == CaseStatus.OPEN) {
            return Verdict.NOT_YET;
        }
        boolean waiting = c.openSupplement().map(s -> s.round() == timer.revision()
                && requests.lapseAt(s.dueAt()).equals(timer.at())).orElse(false);
        return waiting ? Verdict.DUE : Verdict.STALE;
    }
}
