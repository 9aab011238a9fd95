package org.mtb.review.sla;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.mtb.support.outbox.PendingOutbox;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The deadlines of review cases, read and changed in the cases' own documents: every change is one update
 * conditional on the version read (a unique {@code (_id, version)} index answers it, even in the embedded MongoDB),
 * so a deadline never overwrites a decision or a newer deadline.
 */
@Component
public class SlaCases {

    /** The collection of review cases, whose documents hold their deadline in {@code sla}. */
    public static final String COLLECTION = "review_cases";
    private static final String[] FIELDS = {"regionCode", "diseaseCategory", "submittedAt", "status",
        "decision.decidedAt", "catalogVersion", "sla", "version"};

    private final MongoTemplate mongo;
    private final PendingOutbox pendingOutbox;

    SlaCases(MongoTemplate mongo, PendingOutbox pendingOutbox) {
        this.mongo = mongo;
        this.pendingOutbox = pendingOutbox;
    }

    /** The cases by application number, in one query by id. */
    Map<String, SlaCase> find(Collection<String> applicationNumbers) {
        return mongo.find(withFields(Query.query(where("_id").in(applicationNumbers))), SlaCase.class, COLLECTION)
                .stream().collect(Collectors.toMap(SlaCase::applicationNumber, Function.identity()));
    }

    @Nullable SlaCase find(String applicationNumber) {
        return mongo.findOne(withFields(Query.query(where("_id").is(applicationNumber))), SlaCase.class,
                COLLECTION);
    }

    /** Every open case (of those regions, or of all), read a batch at a time rather than all at once. */
    void forEachOpen(@Nullable Collection<String> regionCodes, int batchSize, Consumer<SlaCase> action) {
        Criteria open = where("status").is(SlaCase.OPEN);
        if (regionCodes != null) {
            open = open.and("regionCode").in(regionCodes);
        }
        Query query = withFields(Query.query(open)).cursorBatchSize(batchSize);
        try (Stream<SlaCase> cases = mongo.stream(query, SlaCase.class, COLLECTION)) {
            cases.forEach(action);
        }
    }

    /** Gives a case a new deadline, and its catalog version if it had none; false if the case changed meanwhile. */
    boolean replaceDeadline(SlaCase c, SlaClock next, @Nullable String catalogVersion) {
        Update update = new Update().set("sla", next).inc("version", 1);
        if (c.catalogVersion() == null && catalogVersion != null) {
            update.set("catalogVersion", catalogVersion);
        }
        return mongo.updateFirst(unchanged(c), update, COLLECTION).getModifiedCount() == 1;
    }

    /** Records that a deadline counted afresh came out the same under a newer calendar revision. */
    boolean keepDeadline(SlaCase c, long calendarRevision) {
        return mongo.updateFirst(unchanged(c), new Update().set("sla.calendarRevision", calendarRevision)
                .inc("version", 1), COLLECTION).getModifiedCount() == 1;
    }

    /**
     * Moves cases to the SLA states their timers reached and stores each one's events in its outbox, in one bulk
     * write of conditional updates, then marks the moved cases for the outbox relay; answers how many moved.
     */
    int move(List<StateChange> changes) {
        if (changes.isEmpty()) {
            return 0;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
        changes.forEach(change -> bulk.updateOne(unchanged(change.c()), change.update()));
        return bulk.execute().getModifiedCount();
    }

    void marked(Collection<String> applicationNumbers) {
        pendingOutbox.mark(COLLECTION, applicationNumbers);
    }

    private static Query unchanged(SlaCase c) {
        return Query.query(where("_id").is(c.applicationNumber()).and("version").is(c.version()));
    }

    private static Query withFields(Query query) {
        query.fields().include(FIELDS);
        return query;
    }

    /** One case's move: the update to apply if the case is still as read. */
    record StateChange(SlaCase c, Update update) {
    }
}
