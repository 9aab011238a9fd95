package org.mtb.notification.message;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import com.mongodb.client.model.UpdateOneModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.mtb.support.crypto.BlindIndex;
import org.mtb.support.mongo.DirectBulkWrites;
import org.mtb.support.mongo.ObsoleteIndexes;
import org.mtb.support.security.ApplicationReaders;
import org.mtb.support.security.Caller;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The stored messages. Two small collections let every query name documents by id, which even the embedded
 * MongoDB (it uses an index only when a query names exactly the index's fields) answers without reading every
 * message: {@code application_messages} lists each application's message ids, and {@code sms_due} holds the SMS
 * still to be (re)sent with their due time. Both are written before the message, so a crash leaves at worst an
 * entry for a message that is not there or already sent, which the readers skip and remove. The messages of a Kafka
 * poll are stored by {@link MessageBatches}, in that order, with one bulk command per collection.
 */
@Component
class Messages implements SmartInitializingSingleton {

    static final String BY_APPLICATION = "application_messages";
    /** Fields of an application's index entry: who submitted it, from its submission's event. */
    static final String SUBMITTER_SUBJECT = "submitterSubject";
    static final String SUBMITTER_CLIENT = "submitterClient";
    static final String INSURED_INDEX = "insuredIndex";
    static final String INSTITUTION = "institution";
    static final String SMS_DUE = "sms_due";
    /** Pages of due entries one look at the queue reads at most, should every one of them be stale. */
    private static final int MAX_PAGES = 10;

    private final MongoTemplate mongo;
    private final BlindIndex blindIndex;

    Messages(MongoTemplate mongo, BlindIndex blindIndex) {
        this.blindIndex = blindIndex;
        this.mongo = mongo;
    }

    /**
     * A claim names the due entry by id and due time, and a failed send's record the message by id and attempts: the
     * {@code _id} index answers both, and the indexes an earlier version kept for them go, with the one it kept on
     * each message's application number and time, which no query names.
     */
    @Override
    public void afterSingletonsInstantiated() {
        ObsoleteIndexes.drop(mongo, SMS_DUE, ObsoleteIndexes.ID_AND_MORE, "id_next_attempt");
        String messages = mongo.getCollectionName(ApplicantMessage.class);
        ObsoleteIndexes.drop(mongo, messages, ObsoleteIndexes.ID_AND_MORE, "id_attempts");
        ObsoleteIndexes.drop(mongo, messages, "an application's messages are read by their ids, which its entry in "
                + BY_APPLICATION + " lists", "applicationNumber_1_createdAt_1");
    }

    /**
     * The messages of an application the caller may read ({@link ApplicationReaders}: the submitting account or
     * channel, the insured person, known by the blind index of the ID number and never by the number, the region's
     * staff). An application
     * the caller may not read has, to the caller, no messages, as an unknown one has.
     */
    List<ApplicantMessage> forApplication(Caller caller, String applicationNumber,
            Optional<DeliveryChannel> channel) {
        Document index = mongo.findById(applicationNumber, Document.class, BY_APPLICATION);
        if (index == null || !ApplicationReaders.mayRead(caller, new ApplicationReaders.Parties(
                applicationNumber.substring(0, applicationNumber.indexOf('-')), index.getString(SUBMITTER_SUBJECT),
                index.getString(SUBMITTER_CLIENT), index.getString(INSURED_INDEX), index.getString(INSTITUTION)),
                blindIndex)) {
            return List.of();
        }
        return mongo.find(Query.query(where("_id").in(index.getList("ids", String.class))), ApplicantMessage.class)
                .stream().filter(m -> channel.isEmpty() || m.channel() == channel.get())
                .sorted(Comparator.comparing(ApplicantMessage::createdAt).thenComparing(ApplicantMessage::id))
                .toList();
    }

    /**
     * Up to {@code limit} SMS whose (re)send is due, oldest due first. A due entry that no longer stands for an SMS
     * to send goes as it is met: its message was sent or given up meanwhile, or was never stored (the entry is
     * written first, and comes due only once the writer's claim lapsed, so its insert had failed by then).
     */
    List<ApplicantMessage> dueSms(Instant now, int maxAttempts, int limit) {
        List<ApplicantMessage> due = new ArrayList<>();
        for (int page = 0; page < MAX_PAGES && due.size() < limit; page++) {
            Query dueNow = Query.query(where("nextAttemptAt").lte(now)).with(Sort.by("nextAttemptAt"))
                    .limit(limit - due.size());
            Map<String, Instant> dueAt = new java.util.LinkedHashMap<>();
            mongo.find(dueNow, Document.class, SMS_DUE)
                    .forEach(d -> dueAt.put(d.getString("_id"), d.getDate("nextAttemptAt").toInstant()));
            if (dueAt.isEmpty()) {
                break;
            }
            Map<String, ApplicantMessage> found = mongo.find(Query.query(where("_id").in(dueAt.keySet())),
                    ApplicantMessage.class).stream().collect(Collectors.toMap(ApplicantMessage::id,
                            Function.identity()));
            List<String> gone = new ArrayList<>();
            dueAt.forEach((id, at) -> {
                ApplicantMessage sms = found.get(id);
                if (sms != null && sms.channel() == DeliveryChannel.SMS && sms.attempts() < maxAttempts
                        && (sms.status() == MessageStatus.PENDING || sms.status() == MessageStatus.FAILED)) {
                    // The due entry's time is the one a claim compares; the message's may lag after a crash.
                    due.add(sms.withNextAttemptAt(at));
                } else {
                    gone.add(id);
                }
            });
            if (gone.isEmpty()) {
                break;
            }
            mongo.remove(Query.query(where("_id").in(gone)), SMS_DUE);
        }
        return due;
    }

    /**
     * Takes a due SMS for sending by pushing its due time to {@code leaseUntil}, only if nobody moved it since it
     * was read; so two instances of this service never send the same SMS in the same round.
     */
    boolean claim(ApplicantMessage due, Instant leaseUntil) {
        Query unchanged = Query.query(where("_id").is(due.id()).and("nextAttemptAt").is(due.nextAttemptAt()));
        if (mongo.updateFirst(unchanged, Update.update("nextAttemptAt", leaseUntil), SMS_DUE)
                .getModifiedCount() != 1) {
            return false;
        }
        mongo.updateFirst(Query.query(where("_id").is(due.id())), Update.update("nextAttemptAt", leaseUntil),
                ApplicantMessage.class);
        return true;
    }

    /**
     * Records SMS that went through, each as {@link ApplicantMessage#sent} answers it: one bulk update of the messages,
     * then one removal of their due entries.
     */
    void markSentAll(List<ApplicantMessage> sent) {
        if (sent.isEmpty()) {
            return;
        }
        // In stored terms, as the converter would map them (the status by name, the time as a date): one update each.
        List<UpdateOneModel<Document>> updates = new ArrayList<>(sent.size());
        for (ApplicantMessage sms : sent) {
            updates.add(DirectBulkWrites.updateById(sms.id(), new Document("$set",
                    new Document("status", sms.status().name()).append("attempts", sms.attempts())
                            .append("sentAt", sms.sentAt() == null ? null : java.util.Date.from(sms.sentAt())))
                    .append("$unset", new Document("nextAttemptAt", ""))));
        }
        DirectBulkWrites.unordered(mongo, ApplicantMessage.COLLECTION, updates);
        mongo.remove(Query.query(where("_id").in(sent.stream().map(ApplicantMessage::id).toList())), SMS_DUE);
    }

    /**
     * Records a failed send, unless another outcome was recorded since the send began (its claim lapsed and another
     * instance sent it): only a send made after {@code attempts - 1} recorded ones counts. {@code nextAttemptAt} null
     * means no further attempt.
     */
    void markFailed(String id, int attempts, String error, @Nullable Instant nextAttemptAt) {
        Update update = Update.update("status", MessageStatus.FAILED).set("attempts", attempts).set("lastError", error);
        if (nextAttemptAt == null) {
            update.unset("nextAttemptAt");
        } else {
            update.set("nextAttemptAt", nextAttemptAt);
        }
        Query sentAfterTheOthers = Query.query(where("_id").is(id).and("attempts").is(attempts - 1));
        if (mongo.updateFirst(sentAfterTheOthers, update, ApplicantMessage.class).getModifiedCount() != 1) {
            return;
        }
        if (nextAttemptAt == null) {
            mongo.remove(Query.query(where("_id").is(id)), SMS_DUE);
        } else {
            due(id, nextAttemptAt);
        }
    }

    /**
     * Takes the first send of an SMS this instance just stored. Its due entry was written before it with this claim's
     * time; an entry left by an earlier delivery of the same event that died before its insert keeps its older time,
     * so the claim moves it, unless another instance took it meanwhile. An entry removed as an orphan is written
     * again.
     */
    boolean claimFirst(ApplicantMessage sms, Instant now) {
        Instant until = sms.nextAttemptAt();
        if (until == null) {
            return false;
        }
        Document entry = mongo.findById(sms.id(), Document.class, SMS_DUE);
        if (entry == null) {
            try {
                mongo.insert(new Document("_id", sms.id()).append("nextAttemptAt", until), SMS_DUE);
                return true;
            } catch (DuplicateKeyException takenMeanwhile) {
                return false;
            }
        }
        Instant at = entry.getDate("nextAttemptAt").toInstant();
        if (at.equals(until)) {
            return true;
        }
        return !at.isAfter(now) && mongo.updateFirst(Query.query(where("_id").is(sms.id()).and("nextAttemptAt")
                .is(at)), Update.update("nextAttemptAt", until), SMS_DUE).getModifiedCount() == 1;
    }

    private void due(String id, Instant at) {
        mongo.upsert(Query.query(where("_id").is(id)), Update.update("nextAttemptAt", at), SMS_DUE);
    }
}
