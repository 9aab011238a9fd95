package org.mtb.notification.message;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The stored messages. */
@Component
class Messages {

    private final MongoTemplate mongo;

    Messages(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(ApplicantMessage.class).createIndex(new Index()
                .on("applicationNumber", Sort.Direction.ASC).on("createdAt", Sort.Direction.ASC));
        mongo.indexOps(ApplicantMessage.class).createIndex(new Index()
                .on("channel", Sort.Direction.ASC).on("status", Sort.Direction.ASC)
                .on("nextAttemptAt", Sort.Direction.ASC));
    }

    /** False when a message with this id exists already: the event behind it was handled before. */
    boolean insertIfAbsent(ApplicantMessage message) {
        try {
            mongo.insert(message);
            return true;
        } catch (DuplicateKeyException handledBefore) {
            return false;
        }
    }

    List<ApplicantMessage> forApplication(String applicationNumber, Optional<DeliveryChannel> channel) {
        Criteria criteria = where("applicationNumber").is(applicationNumber);
        channel.ifPresent(only -> criteria.and("channel").is(only));
        return mongo.find(Query.query(criteria), ApplicantMessage.class);
    }

    /** SMS whose (re)send is due, oldest due first. */
    List<ApplicantMessage> dueSms(Instant now, int maxAttempts, int limit) {
        Query due = Query.query(where("channel").is(DeliveryChannel.SMS)
                        .and("status").in(MessageStatus.PENDING, MessageStatus.FAILED)
                        .and("attempts").lt(maxAttempts)
                        .and("nextAttemptAt").lte(now))
                .with(Sort.by("nextAttemptAt")).limit(limit);
        return mongo.find(due, ApplicantMessage.class);
    }

    /**
     * Takes a due SMS for sending by pushing its due time to {@code leaseUntil}, only if nobody moved it since it
     * was read; so two instances of this service never send the same SMS in the same round.
     */
    boolean claim(ApplicantMessage due, Instant leaseUntil) {
        Query unchanged = Query.query(where("_id").is(due.id()).and("status").is(due.status())
                .and("attempts").is(due.attempts()).and("nextAttemptAt").is(due.nextAttemptAt()));
        return mongo.updateFirst(unchanged, Update.update("nextAttemptAt", leaseUntil), ApplicantMessage.class)
                .getModifiedCount() == 1;
    }

    void markSent(String id, int attempts, Instant sentAt) {
        mongo.updateFirst(Query.query(where("_id").is(id)), Update.update("status", MessageStatus.SENT)
                .set("attempts", attempts).set("sentAt", sentAt).unset("nextAttemptAt"), ApplicantMessage.class);
    }

    /** {@code nextAttemptAt} null means no further attempt. */
    void markFailed(String id, int attempts, String error, Instant nextAttemptAt) {
        Update update = Update.update("status", MessageStatus.FAILED).set("attempts", attempts).set("lastError", error);
        if (nextAttemptAt == null) {
            update.unset("nextAttemptAt");
        } else {
            update.set("nextAttemptAt", nextAttemptAt);
        }
        mongo.updateFirst(Query.query(where("_id").is(id)), update, ApplicantMessage.class);
    }
}
