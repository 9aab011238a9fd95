package org.mtb.notification.message;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import com.mongodb.client.model.UpdateOneModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.mtb.contracts.intake.Submitter;
import org.mtb.support.mongo.DirectBulkWrites;
import org.mtb.support.mongo.UnorderedInserts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The messages of a Kafka poll's events, stored with a few bulk commands for the whole poll instead of a few per
 * event: which of them are stored already, the new ones with their application index and due entries written first
 * (as {@link Messages} explains), and the first claim of their SMS. The index entries also keep each application's
 * agent (代办人), read back for the poll in one query.
 */
@Component
class MessageBatches {

    private static final Logger log = LoggerFactory.getLogger(MessageBatches.class);

    private final MongoTemplate mongo;
    private final Messages messages;

    MessageBatches(MongoTemplate mongo, Messages messages) {
        this.mongo = mongo;
        this.messages = messages;
    }

    /** Those of {@code ids} that name a stored message, in one query that reads the ids only. */
    Set<String> existingIds(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        Query stored = Query.query(where("_id").in(ids));
        stored.fields().include("_id");
        Set<String> existing = new HashSet<>();
        mongo.find(stored, Document.class, ApplicantMessage.COLLECTION)
                .forEach(message -> existing.add(message.getString("_id")));
        return existing;
    }

    /**
     * The agents the index entries of these applications keep, by application number, in one query; an application
     * without one, or without an entry yet, is not among them.
     */
    Map<String, AgentOnFile> agentsOf(Collection<String> applicationNumbers) {
        Query entries = Query.query(where("_id").in(applicationNumbers));
        entries.fields().include(AgentOnFile.FIELD);
        Map<String, AgentOnFile> agents = new HashMap<>();
        for (Document entry : mongo.find(entries, Document.class, Messages.BY_APPLICATION)) {
            AgentOnFile agent = AgentOnFile.of(entry.get(AgentOnFile.FIELD, Document.class));
            if (agent != null) {
                agents.put(entry.getString("_id"), agent);
            }
        }
        return agents;
    }

    /**
     * Stores messages that were not found stored: each application's index entry (with the agent its submission
     * named, from {@code agents}) and each pending SMS's due entry first, then the messages, one unordered bulk write
     * each. Answers the messages inserted here, in the order given; one that another instance inserted meanwhile is
     * left to that instance.
     */
    Stored storeAll(List<ApplicantMessage> fresh, Map<String, AgentOnFile> agents) {
        if (fresh.isEmpty()) {
            return new Stored(List.of(), Set.of());
        }
        Map<String, List<String>> idsByApplication = new LinkedHashMap<>();
        // The messages of a submission carry who may read the application; every other event's carry nothing of it,
        // so a decision, supplement request, lapse or withdrawal is read by those the submission named.
        Map<String, ApplicantMessage> submissions = new HashMap<>();
        for (ApplicantMessage message : fresh) {
            idsByApplication.computeIfAbsent(message.applicationNumber(), n -> new ArrayList<>()).add(message.id());
            if (message.eventType() == EventType.APPLICATION_SUBMITTED) {
                submissions.put(message.applicationNumber(), message);
            }
        }
        // In stored terms (strings, documents, dates), handed to the driver as they are (DirectBulkWrites).
        List<UpdateOneModel<Document>> index = new ArrayList<>(idsByApplication.size());
        idsByApplication.forEach((number, ids) -> {
            Document set = new Document();
            ApplicantMessage submission = submissions.get(number);
            if (submission != null) {
                Submitter submitter = submission.submittedBy();
                if (submitter != null) {
                    set.append(Messages.SUBMITTER_SUBJECT, submitter.subject())
                            .append(Messages.SUBMITTER_CLIENT, submitter.client());
                }
                setIfPresent(set, Messages.INSURED_INDEX, submission.insuredIndex());
                setIfPresent(set, Messages.INSTITUTION, submission.institution());
                AgentOnFile agent = agents.get(number);
                if (agent != null) {
                    set.append(AgentOnFile.FIELD, agent.toDocument());
                }
            }
            Document update = new Document("$addToSet", new Document("ids", new Document("$each", ids)));
            if (!set.isEmpty()) {
                update.append("$set", set);
            }
            index.add(DirectBulkWrites.upsertById(number, update));
        });
        DirectBulkWrites.unordered(mongo, Messages.BY_APPLICATION, index);
        List<ApplicantMessage> pending = fresh.stream().filter(message -> message.nextAttemptAt() != null).toList();
        Set<String> dueWritten = new HashSet<>();
        if (!pending.isEmpty()) {
            // A redelivered event must not move the due time, hence the claim, of an SMS stored before.
            List<UpdateOneModel<Document>> due = pending.stream().map(sms -> DirectBulkWrites.upsertById(sms.id(),
                    new Document("$setOnInsert", new Document("nextAttemptAt", Date.from(sms.nextAttemptAt())))))
                    .toList();
            DirectBulkWrites.unordered(mongo, Messages.SMS_DUE, due).getUpserts()
                    .forEach(upsert -> dueWritten.add(pending.get(upsert.getIndex()).id()));
        }
        return new Stored(insertAll(fresh), dueWritten);
    }

    /**
     * What {@link #storeAll} stored.
     *
     * @param inserted   the messages inserted here, in the order given
     * @param dueWritten the SMS whose due entry was written here, at their claim's time: no other instance takes them
     *                   before it, so their first send is this instance's without reading the entries back
     */
    record Stored(List<ApplicantMessage> inserted, Set<String> dueWritten) {
    }

    /**
     * Takes the first send of SMS this instance just stored. Those whose due entry it wrote are its own; the entries of
     * the others (an earlier delivery of the same event wrote them and died before its insert: rare) are read in one
     * query: an entry still at the time its SMS was stored with is this instance's claim; a missing or moved one goes
     * through {@link Messages#claimFirst}. Answers the SMS claimed, in the order given.
     */
    List<ApplicantMessage> claimFirstAll(List<ApplicantMessage> stored, Set<String> dueWritten, Instant now) {
        List<String> toRead = stored.stream().map(ApplicantMessage::id).filter(id -> !dueWritten.contains(id)).toList();
        Map<String, Instant> dueAt = new HashMap<>();
        if (!toRead.isEmpty()) {
            for (Document entry : mongo.find(Query.query(where("_id").in(toRead)), Document.class,
                    Messages.SMS_DUE)) {
                Date at = entry.getDate("nextAttemptAt");
                if (at != null) {
                    dueAt.put(entry.getString("_id"), at.toInstant());
                }
            }
        }
        List<ApplicantMessage> claimed = new ArrayList<>(stored.size());
        for (ApplicantMessage sms : stored) {
            Instant until = sms.nextAttemptAt();
            if (dueWritten.contains(sms.id()) || (until != null && until.equals(dueAt.get(sms.id())))
                    || messages.claimFirst(sms, now)) {
                claimed.add(sms);
            }
        }
        return claimed;
    }

    /** A duplicate id means another instance stored that message meanwhile; any other error is thrown. */
    private List<ApplicantMessage> insertAll(List<ApplicantMessage> fresh) {
        UnorderedInserts.Outcome outcome = UnorderedInserts.insert(mongo, ApplicantMessage.class,
                ApplicantMessage.COLLECTION, fresh);
        if (outcome.refusedOtherwise()) {
            throw Objects.requireNonNull(outcome.failure());
        }
        List<ApplicantMessage> inserted = new ArrayList<>(fresh.size());
        for (int i = 0; i < fresh.size(); i++) {
            if (outcome.stored(i)) {
                inserted.add(fresh.get(i));
            } else {
                log.debug("Message {} was stored meanwhile by another instance; left to it", fresh.get(i).id());
            }
        }
        return inserted;
    }

    private static void setIfPresent(Document set, String field, @Nullable String value) {
        if (value != null) {
            set.append(field, value);
        }
    }
}
