package org.mtb.intake.progress;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.UnaryOperator;
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
 * event id, so a redelivered or replayed event finds nothing left to change. The updates name the application by
 * id and version only, so that even the embedded MongoDB answers them from an index.
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
        // The decision may have overtaken this event: only a still-SUBMITTED application moves to UNDER_REVIEW.
        record(event.applicationNumber(), event.eventId().toString(),
                new TimelineEntry(ApplicationStatus.UNDER_REVIEW, event.openedAt(), "审核中"),
                current -> current == ApplicationStatus.SUBMITTED ? ApplicationStatus.UNDER_REVIEW : current);
    }

    void decided(ApplicationDecided event) {
        ApplicationStatus status = event.outcome() == DecisionOutcome.APPROVED
                ? ApplicationStatus.APPROVED : ApplicationStatus.REJECTED;
        String note = status == ApplicationStatus.APPROVED ? "审核通过" : "审核未通过：" + String.join("；", event.reasons());
        TimelineEntry entry = new TimelineEntry(status, event.decidedAt(), note);
        if (record(event.applicationNumber(), event.eventId().toString(), entry, current -> status)) {
            meters.counter("intake.applications.decided", "outcome", status.name()).increment();
            log.info("Application {} is {}", event.applicationNumber(), status);
        }
    }

    /**
     * Applies a timeline entry and the status it leads to once per event id; false when the event was seen before.
     * One update, conditional on the version read, writes the status, the entry and the event id together; when
     * another event changed the application meanwhile, it is read again.
     */
    private boolean record(String applicationNumber, String eventId, TimelineEntry entry,
            UnaryOperator<ApplicationStatus> next) {
        for (int attempt = 1; ; attempt++) {
            Application current = mongo.findById(applicationNumber, Application.class);
            if (current == null) {
                throw new UnknownApplicationException(applicationNumber, eventId);
            }
            if (current.processedEventIds() != null && current.processedEventIds().contains(eventId)) {
                meters.counter("intake.events.duplicates").increment();
                log.debug("Event {} for {} was already applied", eventId, applicationNumber);
                return false;
            }
            Query unchanged = Query.query(where("_id").is(applicationNumber).and("version").is(current.version()));
            Update update = new Update().set("status", next.apply(current.status())).push("timeline", entry)
                    .addToSet("processedEventIds", eventId).inc("version", 1);
            if (mongo.updateFirst(unchanged, update, Application.class).getModifiedCount() == 1) {
                return true;
            }
            if (attempt == 5) {
                throw new IllegalStateException("Application " + applicationNumber + " kept changing; event "
                        + eventId + " is retried");
            }
        }
    }

    static final class UnknownApplicationException extends RuntimeException {
        UnknownApplicationException(String applicationNumber, String eventId) {
            super("Event " + eventId + " concerns application " + applicationNumber + ", which intake does not hold");
        }
    }
}
