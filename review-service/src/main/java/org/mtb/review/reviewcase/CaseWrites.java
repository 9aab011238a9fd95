package org.mtb.review.reviewcase;

import java.util.List;
import org.mtb.support.outbox.PendingOutbox;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * A change of a case as it was read: one update conditional on the version read (see {@link ReviewCase#unchanged()}),
 * carrying whatever events it pushes to the case's outbox, after which the outbox relay is told that the case has
 * events to send.
 */
@Component
class CaseWrites {

    private final MongoTemplate mongo;
    private final PendingOutbox pendingOutbox;

    CaseWrites(MongoTemplate mongo, PendingOutbox pendingOutbox) {
        this.mongo = mongo;
        this.pendingOutbox = pendingOutbox;
    }

    /** Answers false, writing nothing, when the case changed since {@code read} was read. */
    boolean write(ReviewCase read, Update update) {
        if (mongo.updateFirst(read.unchanged(), update, ReviewCase.class).getModifiedCount() == 0) {
            return false;
        }
        pendingOutbox.mark(ReviewCase.COLLECTION, List.of(read.applicationNumber()));
        return true;
    }
}
