package org.mtb.review.reviewcase;


import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.mtb.review.timer.DueTimer;
import org.mtb.review.timer.DueTimerHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Ends public notices at their moment, once across instances: the timer is written before the approval; a case not
 * stored yet is read again later; one still open (the approval that wrote it lost to another change and was not
 * stored) or whose notice ended otherwise (an upheld objection) is stale. A notice under an unsettled objection at
 * its end is ended by the objection's dismissal.
 */
@Component
class PublicNoticeTimers implements DueTimerHandler {

    private final MongoTemplate mongo;
    private final PublicNotices notices;

    PublicNoticeTimers(MongoTemplate mongo, PublicNotices notices) {
        this.mongo = mongo;
        this.notices = notices;
    }

    @Override
    public Set<String> kinds() {
        return Set.of(Approvals.NOTICE_END);
    }

    @Override
    public Prepared prepare(List<DueTimer> soon) {
        return TimedCases.prepare(mongo, soon, PublicNoticeTimers::verdict,
                (current, timer) -> notices.end(current, timer.at()));
    }

    static Verdict verdict(@Nullable ReviewCase c, DueTimer timer) {
        if (c == null) {
            return Verdict.NOT_YET;
        }
        return c.notice() != null && c.notice().endedAt() == null && c.notice().endsAt().equals(timer.at())
                ? Verdict.DUE : Verdict.STALE;
    }
}
