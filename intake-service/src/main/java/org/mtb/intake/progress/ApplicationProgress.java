package org.mtb.intake.progress;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.micrometer.core.instrument.MeterRegistry;
import org.mtb.contracts.review.ApplicationDecided;
import org.mtb.contracts.review.DecisionOutcome;
import org.mtb.contracts.review.ReviewStarted;
import org.mtb.intake.application.Application;
import org.mtb.intake.application.ApplicationStatus;
import org.mtb.intake.application.TimelineEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Records what review did. Each event changes the application in one atomic update that also remembers the
 * event id, so a redelivered or replayed event finds nothing left to change.
 */
@Component
class ApplicationProgress {

    private static final Logger log = LoggerFactory.getLogger(ApplicationProgress.class);

    private final MongoTemplate mongo;
    private final MeterRegistry meters;

    ApplicationProgress(MongoTemplate mongo, MeterRegistry meters) {
        this.mongo = mongo;
        this.meters = meters;
    }

    void reviewStarted(ReviewStarted event) {
        record(event.applicationNumber(), event.eventId().toString(),
                new TimelineEntry(ApplicationStatus.UNDER_REVIEW, event.openedAt(), "审核中"), new Update());
        // The decision may have overtaken this event: only a still-SUBMITTED application moves to UNDER_REVIEW.
        mongo.updateFirst(Query.query(where("_id").is(event.applicationNumber())
                .and("status").is(ApplicationStatus.SUBMITTED)),
                Update.update("status", ApplicationStatus.UNDER_REVIEW), Application.class);
    }

    void decided(ApplicationDecided event) {
        ApplicationStatus status = event.outcome() == DecisionOutcome.APPROVED
                ? ApplicationStatus.APPROVED : ApplicationStatus.REJECTED;
        String note = status == ApplicationStatus.APPROVED ? "审核通过" : "审核未通过：" + String.join("；", event.reasons());
        TimelineEntry entry = new TimelineEntry(status, event.decidedAt(), note);
        if (record(event.applicationNumber(), event.eventId().toString(), entry, Update.update("status", status))) {
            meters.counter("intake.applications.decided", "outcome", status.name()).increment();
            log.info("Application {} is {}", event.applicationNumber(), status);
        }
    }

    /** Applies {@code update} plus a timeline entry once per event id; false when the event was seen before. */
    private boolean record(String applicationNumber, String eventId, TimelineEntry entry, Update update) {
        Query notYetSeen = Query.query(where("_id").is(applicationNumber).and("processedEventIds").ne(eventId));
        update.push("timeline", entry).addToSet("processedEventIds", eventId);
        if (mongo.updateFirst(notYetSeen, update, Application.class).getModifiedCount() == 1) {
            return true;
        }
        if (!mongo.exists(Query.query(where("_id").is(applicationNumber)), Application.class)) {
            throw new UnknownApplicationException(applicationNumber, eventId);
        }
        meters.counter("intake.events.duplicates").increment();
        log.debug("Event {} for {} was already applied", eventId, applicationNumber);
        return false;
    }

    static final class UnknownApplicationException extends RuntimeException {
        UnknownApplicationException(String applicationNumber, String eventId) {
            super("Event " + eventId + " concerns application " + applicationNumber + ", which intake does not hold");
        }
    }
}
