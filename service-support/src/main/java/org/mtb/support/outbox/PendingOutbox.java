package org.mtb.support.outbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.mtb.support.mongo.GroupCommit;
import org.mtb.support.mongo.ObsoleteIndexes;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Marks documents whose {@code outbox} received events, so the relay reads a short list of marks instead of
 * searching a collection of a million documents (the embedded MongoDB uses an index only for a query naming exactly
 * its fields). A writer adds one mark after its write, naming every document it wrote; the relay claims a mark,
 * publishes, and removes it, or keeps what is left of it for another round. A mark lost in a crash between the write
 * and the mark is made good by the relay's sweep.
 */
public class PendingOutbox implements SmartInitializingSingleton {

    static final String MARKS = "outbox_pending";

    private final MongoTemplate mongo;
    private final Clock clock;
    private final GroupCommit<Marking> marking = new GroupCommit<>(this::insertMarks);

    public PendingOutbox(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** A settlement names a mark by {@code (_id, claim)}, which the {@code _id} index answers. */
    @Override
    public void afterSingletonsInstantiated() {
        ObsoleteIndexes.drop(mongo, MARKS, ObsoleteIndexes.ID_AND_MORE, "id_claim");
    }

    /**
     * Tells the relay that these documents of {@code collection} hold events to publish. Callers marking at the same
     * time share one mark per collection, written in one command.
     */
    public void mark(String collection, Collection<?> documentIds) {
        if (documentIds.isEmpty()) {
            return;
        }
        marking.write(new Marking(collection, List.copyOf(documentIds)));
    }

    /** One new mark per collection naming every document of the group, in one command. */
    private List<@Nullable RuntimeException> insertMarks(List<Marking> group) {
        Instant now = clock.instant();
        Map<String, List<Object>> byCollection = new LinkedHashMap<>();
        group.forEach(m -> byCollection.computeIfAbsent(m.collection(), c -> new ArrayList<>())
                .addAll(m.documentIds()));
        List<Document> marks = byCollection.entrySet().stream()
                .map(e -> newMark(e.getKey(), e.getValue(), now, 0, null, null)).toList();
        mongo.insert(marks, MARKS);
        return Collections.nCopies(group.size(), null);
    }

    private record Marking(String collection, List<Object> documentIds) {
    }

    /**
     * Unclaimed marks (never claimed, or their claim ran out), oldest first. A claim holds until its
     * {@code claimedUntil}, not at that instant: a mark kept for a retry from now is taken by the very next round,
     * however coarse the clock.
     */
    List<Mark> unclaimed(Instant now, int limit) {
        Query query = Query.query(new Criteria().orOperator(where("claimedUntil").exists(false),
                where("claimedUntil").lte(now))).with(Sort.by("markedAt", "_id")).limit(limit);
        return mongo.find(query, Document.class, MARKS).stream().map(Mark::of).toList();
    }

    long count() {
        return mongo.estimatedCount(MARKS);
    }

    /** When the oldest mark was made, claimed or not; null when there is none. */
    @Nullable Instant oldestMarkedAt() {
        Query oldest = new Query().with(Sort.by("markedAt")).limit(1);
        oldest.fields().include("markedAt");
        Document mark = mongo.findOne(oldest, Document.class, MARKS);
        return mark == null || mark.getDate("markedAt") == null ? null : mark.getDate("markedAt").toInstant();
    }

    /**
     * Claims those of the marks read as unclaimed that are still unclaimed at {@code now} and claimed as often as when
     * read (another relay may have claimed some since, and settled them or kept them for a retry); answers the marks
     * claimed, as they were read. One command when it claims every mark (in a relay's round, nearly always), two
     * otherwise, to learn which it claimed.
     */
    List<Mark> claim(List<Mark> marks, Instant now, Instant until) {
        if (marks.isEmpty()) {
            return List.of();
        }
        String round = UUID.randomUUID().toString();
        // The ids first, so that MongoDB (and the embedded one) reads the marks by their _id index.
        Query stillUnclaimed = Query.query(where("_id").in(marks.stream().map(Mark::id).toList()).andOperator(
                new Criteria().orOperator(where("claimedUntil").exists(false), where("claimedUntil").lte(now)),
                new Criteria().orOperator(marks.stream().map(PendingOutbox::asRead).toList())));
        Update claim = new Update().inc("claim", 1).set("claimedUntil", until).set("claimedIn", round);
        long claimed = mongo.updateMulti(stillUnclaimed, claim, MARKS).getModifiedCount();
        if (claimed == marks.size()) {
            return marks;
        }
        if (claimed == 0) {
            return List.of();
        }
        Query mine = Query.query(where("claimedIn").is(round));
        mine.fields().include("_id");
        Set<String> ids = new HashSet<>();
        mongo.find(mine, Document.class, MARKS).forEach(d -> ids.add(d.getString("_id")));
        return marks.stream().filter(m -> ids.contains(m.id())).toList();
    }

    /** The mark, claimed as often as when it was read; a mark of an older version may have no count (read as 0). */
    private static Criteria asRead(Mark mark) {
        Criteria id = where("_id").is(mark.id());
        return mark.claim() == 0 ? id.and("claim").in(0L, null) : id.and("claim").is(mark.claim());
    }

    /** Removes marks this relay claimed and settled completely, in one command; those claimed again since stay. */
    void settled(List<Mark> claimed) {
        if (claimed.isEmpty()) {
            return;
        }
        List<Criteria> stillHeld = claimed.stream().map(m -> where("_id").is(m.id()).and("claim").is(m.claim() + 1))
                .toList();
        mongo.remove(Query.query(new Criteria().orOperator(stillHeld)), MARKS);
    }

    /**
     * Settles a mark this relay claimed: removes it, or keeps only what is left to do, the first part in the mark
     * itself and every further part in a mark of its own (so that a document rejected by Kafka counts its attempts
     * alone). Nothing happens if the claim lapsed and another relay holds the mark now: that one settles it.
     */
    void settle(Mark claimed, List<Remainder> left) {
        Query stillHeld = held(claimed.id(), claimed.claim() + 1);
        if (left.isEmpty()) {
            mongo.remove(stillHeld, MARKS);
            return;
        }
        for (Remainder part : left.subList(1, left.size())) {
            insert(claimed.collection(), part.documentIds(), claimed.markedAt(), part.attempts(), part.retryAt(),
                    part.lastError());
        }
        Remainder first = left.getFirst();
        Update keep = new Update().set("documentIds", first.documentIds()).set("attempts", first.attempts())
                .set("claimedUntil", first.retryAt());
        if (first.lastError() != null) {
            keep.set("lastError", first.lastError());
        }
        mongo.updateFirst(stillHeld, keep, MARKS);
    }

    /** Every document of {@code collection} some mark names now. */
    Set<Object> markedDocumentIds(String collection) {
        Query ofCollection = Query.query(where("collection").is(collection));
        ofCollection.fields().include("documentIds");
        Set<Object> ids = new HashSet<>();
        mongo.find(ofCollection, Document.class, MARKS).forEach(mark -> ids.addAll(mark.getList("documentIds",
                Object.class, List.of())));
        return ids;
    }

    private void insert(String collection, List<Object> documentIds, Instant markedAt, int attempts,
            @Nullable Instant claimedUntil, @Nullable String lastError) {
        mongo.insert(newMark(collection, documentIds, markedAt, attempts, claimedUntil, lastError), MARKS);
    }

    private static Document newMark(String collection, List<Object> documentIds, Instant markedAt, int attempts,
            @Nullable Instant claimedUntil, @Nullable String lastError) {
        Document mark = new Document("_id", UUID.randomUUID().toString()).append("collection", collection)
                .append("documentIds", documentIds).append("markedAt", markedAt).append("claim", 0L)
                .append("attempts", attempts);
        if (claimedUntil != null) {
            mark.append("claimedUntil", claimedUntil);
        }
        if (lastError != null) {
            mark.append("lastError", lastError);
        }
        return mark;
    }

    private static Query held(String id, long claim) {
        return Query.query(where("_id").is(id).and("claim").is(claim));
    }

    /**
     * A mark as read.
     *
     * @param claim how often it was claimed; a claim and a settlement name the count they expect
     * @param attempts how often Kafka refused its document (a mark with attempts names one document)
     */
    record Mark(String id, String collection, List<Object> documentIds, long claim, int attempts, Instant markedAt) {

        static Mark of(Document d) {
            Number claim = d.get("claim", Number.class);
            Number attempts = d.get("attempts", Number.class);
            return new Mark(d.getString("_id"), d.getString("collection"), d.getList("documentIds", Object.class,
                    List.of()), claim == null ? 0 : claim.longValue(), attempts == null ? 0 : attempts.intValue(),
                    d.getDate("markedAt") == null ? Instant.EPOCH : d.getDate("markedAt").toInstant());
        }
    }

    /** Documents of a mark still to publish, not before {@code retryAt}. */
    record Remainder(List<Object> documentIds, int attempts, Instant retryAt, @Nullable String lastError) {
    }
}
