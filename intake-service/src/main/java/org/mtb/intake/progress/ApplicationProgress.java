package org.mtb.intake.progress;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.mtb.intake.application.Application;
import org.mtb.intake.application.ApplicationStatus;
import org.mtb.intake.application.InsuredDiseases;
import org.mtb.intake.application.TimelineEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * Records what review did. Each event changes the application in one atomic update that also remembers the
 * event id, so a redelivered or replayed event finds nothing left to change. The updates name the application by
 * id and version only, so that even the embedded MongoDB answers them from an index.
 */
@Component
class ApplicationProgress {

    private static final Logger log = LoggerFactory.getLogger(ApplicationProgress.class);

    private final MongoTemplate mongo;
    private final MeterRegistry meters;
    private final InsuredDiseases insuredDiseases;

    ApplicationProgress(MongoTemplate mongo, MeterRegistry meters, InsuredDiseases insuredDiseases) {
        this.insuredDiseases = insuredDiseases;
        this.mongo = mongo;
        this.meters = meters;
    }


    /**
     * Applies a poll's changes: one read of their applications and one unordered bulk of updates, each conditional
     * on the version read. A change that lost a race, or is the second of its application in the poll, is applied
     * alone afterwards. A change of an application intake does not hold is named to the error handler (retried,
     * then dead-lettered) once the others are applied. What the changes mean for the people's diseases is written
     * after them, together ({@link InsuredDiseases#settleAll}).
     */
    void recordAll(List<Change> changes) {
        List<InsuredDiseases.Settlement> settlements = new ArrayList<>();
        Map<String, Application> current = new HashMap<>();
        mongo.find(readsOf(where("_id").in(changes.stream().map(Change::applicationNumber).distinct().toList())),
                Application.class).forEach(application -> current.put(application.applicationNumber(), application));
        List<Change> inBulk = new ArrayList<>();
        List<Update> updates = new ArrayList<>();
        Set<String> applicationsInBulk = new HashSet<>();
        List<Change> alone = new ArrayList<>();
        int firstUnknown = -1;
        for (int index = 0; index < changes.size(); index++) {
            Change change = changes.get(index);
            Application application = current.get(change.applicationNumber());
            if (application == null) {
                firstUnknown = firstUnknown < 0 ? index : firstUnknown;
            } else if (seen(application, change.eventId())) {
                duplicate(change, application, settlements);
            } else if (!applicationsInBulk.add(change.applicationNumber())) {
                alone.add(change);
            } else {
                updates.add(update(application, change));
                inBulk.add(change);
            }
        }
        if (!inBulk.isEmpty() && VersionedUpdates.apply(mongo, inBulk.stream().map(change -> current.get(
                change.applicationNumber())).toList(), updates) < inBulk.size()) {
            // Some lost a race: those whose event is not recorded yet go again, alone.
            Set<String> recorded = new HashSet<>();
            mongo.find(readsOf(where("_id").in(inBulk.stream().map(Change::applicationNumber).toList())),
                    Application.class).forEach(a -> recorded.addAll(a.processedEventIds() == null ? List.of()
                            : a.processedEventIds()));
            List<Change> lost = inBulk.stream().filter(c -> !recorded.contains(c.eventId())).toList();
            inBulk.removeAll(lost);
            alone.addAll(0, lost);
        }
        inBulk.forEach(change -> recorded(change, current.get(change.applicationNumber()), settlements));
        try {
            alone.forEach(change -> {
                Application changed = record(change, settlements);
                if (changed != null) {
                    recorded(change, changed, settlements);
                }
            });
        } finally {
            // What was recorded is settled even when a change alone failed, before the poll is tried again.
            insuredDiseases.settleAll(settlements);
        }
        if (firstUnknown >= 0) {
            Change unknown = changes.get(firstUnknown);
            throw new BatchListenerFailedException("Unknown application", new UnknownApplicationException(
                    unknown.applicationNumber(), unknown.eventId()), firstUnknown);
        }
    }

    /**
     * The applications the criteria name, with only the fields a change reads ({@link #FIELDS_A_CHANGE_READS}); the
     * others (materials, timeline, hospital, sealed personal data) come back null. This consumer had been 9-14 % of
     * intake's CPU samples under load, much of it reading and mapping whole applications for the few fields read.
     */
    private static Query readsOf(Criteria criteria) {
        Query query = Query.query(criteria);
        query.fields().include(FIELDS_A_CHANGE_READS);
        return query;
    }

    /**
     * What {@link ReviewChanges} and {@link AftermathChanges} decide on and what settling the person's disease
     * ({@link InsuredDiseases}) needs; a change that reads another field must add it here. The applicant's insurance
     * type, always stored, keeps the applicant present where an application from before blind indexes has no index.
     */
    static final String[] FIELDS_A_CHANGE_READS = {"status", "version", "processedEventIds", "regionCode",
        "diseaseCode", "applicant.idNumberIndex", "applicant.insuranceType", "supplements", "reviewDueAt",
        "publicNotice", "qualification"};

    private static boolean seen(Application application, String eventId) {
        return application.processedEventIds() != null && application.processedEventIds().contains(eventId);
    }

    /**
     * The status the change leads to, its timeline entry, its further writes and its event id, in one update. A change
     * that no longer {@code applies} (a supplement request a withdrawal overtook, a lapse of a round that was answered)
     * records only its event id.
     */
    static Update update(Application application, Change change) {
        Update update = new Update().addToSet("processedEventIds", change.eventId()).inc("version", 1);
        if (!change.applies().test(application)) {
            return update;
        }
        update.set("status", after(change, application)).push("timeline", change.entry());
        change.more().accept(application, update);
        return update;
    }

    /** The status the change leads to from the application as read; where it no longer applies, the same. */
    private static ApplicationStatus after(Change change, Application before) {
        return change.applies().test(before) ? change.next().apply(before) : before.status();
    }

    /**
     * A change seen before. What the status it led to means for the person's disease is recorded again (each write
     * idempotent): the first time may have failed after the application's own update, which the redelivery then finds
     * done.
     */
    private void duplicate(Change change, Application application, List<InsuredDiseases.Settlement> settlements) {
        if (change.entry().status() == application.status()) {
            settlements.add(new InsuredDiseases.Settlement(application, application.status()));
        }
        meters.counter("intake.events.duplicates").increment();
        log.debug("Event {} for {} was already applied", change.eventId(), change.applicationNumber());
    }

    /** Notes what a change of status means for the person's disease, to be settled, and counts a decision. */
    private void recorded(Change change, Application before, List<InsuredDiseases.Settlement> settlements) {
        ApplicationStatus after = after(change, before);
        if (after != before.status()) {
            settlements.add(new InsuredDiseases.Settlement(before, after));
            if (after.isDecided()) {
                log.info("Application {} is {}", change.applicationNumber(), after);
            }
        }
        if (change.decision() != null) {
            meters.counter("intake.applications.decided", "outcome", change.decision().name()).increment();
        }
    }

    /**
     * What one event does to its application: the entry it adds to the timeline, the status it leads to from the
     * application as read, and anything more it writes in the same update.
     *
     * @param applies whether it still does anything but record its event id
     * @param decision the outcome counted, where the event is review's decision; null otherwise
     */
    record Change(String applicationNumber, String eventId, TimelineEntry entry,
            Function<Application, ApplicationStatus> next, BiConsumer<Application, Update> more,
            Predicate<Application> applies, @Nullable ApplicationStatus decision) {

        Change(String applicationNumber, String eventId, TimelineEntry entry,
                Function<Application, ApplicationStatus> next, BiConsumer<Application, Update> more,
                Predicate<Application> applies) {
            this(applicationNumber, eventId, entry, next, more, applies, null);
        }

        Change(String applicationNumber, String eventId, TimelineEntry entry,
                Function<Application, ApplicationStatus> next, BiConsumer<Application, Update> more) {
            this(applicationNumber, eventId, entry, next, more, application -> true, null);
        }
    }

    /**
     * Applies a timeline entry and the status it leads to once per event id; answers the application as it was before,
     * or null when the event was seen before.
     * One update, conditional on the version read, writes the status, the entry and the event id together; when
     * another event changed the application meanwhile, it is read again.
     */
    private @Nullable Application record(Change change, List<InsuredDiseases.Settlement> settlements) {
        for (int attempt = 1; ; attempt++) {
            Application current = mongo.findOne(readsOf(where("_id").is(change.applicationNumber())),
                    Application.class);
            if (current == null) {
                throw new UnknownApplicationException(change.applicationNumber(), change.eventId());
            }
            if (seen(current, change.eventId())) {
                duplicate(change, current, settlements);
                return null;
            }
            if (mongo.updateFirst(VersionedUpdates.unchanged(current), update(current, change), Application.class)
                    .getModifiedCount() == 1) {
                return current;
            }
            if (attempt == 5) {
                throw new IllegalStateException("Application " + change.applicationNumber() + " kept changing; event "
                        + change.eventId() + " is retried");
            }
        }
    }

    static final class UnknownApplicationException extends RuntimeException {
        UnknownApplicationException(String applicationNumber, String eventId) {
            super("Event " + eventId + " concerns application " + applicationNumber + ", which intake does not hold");
        }
    }
}
