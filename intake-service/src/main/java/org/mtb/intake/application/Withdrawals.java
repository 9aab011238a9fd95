package org.mtb.intake.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.mtb.contracts.TimeOrderedIds;
import org.mtb.contracts.Topics;
import org.mtb.contracts.intake.ApplicationWithdrawn;
import org.mtb.support.outbox.OutboxEntry;
import org.mtb.support.outbox.PendingOutbox;
import org.mtb.support.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Withdraws an application at its submitter's request until it is decided (the seeds do not name withdrawal: a
 * project assumption, as a government service lets an applicant take back what it has not decided). One update,
 * conditional on the version read, ends the application and stores its {@code ApplicationWithdrawn}; review closes the
 * case and stops its timers when the event arrives. A decision review made before it learnt of the withdrawal still
 * reaches the application afterwards and stands, with both in its timeline. An approval in public notice (公示) is
 * decided: review would not close it, so it is not withdrawn here either.
 */
@Service
class Withdrawals {

    static final int MAX_REASON = 200;
    private static final Logger log = LoggerFactory.getLogger(Withdrawals.class);

    private final MongoTemplate mongo;
    private final Applications applications;
    private final PersonalDataSeals seals;
    private final InsuredDiseases insuredDiseases;
    private final PendingOutbox pendingOutbox;
    private final JsonMapper json;
    private final Clock clock;

    Withdrawals(MongoTemplate mongo, Applications applications, PersonalDataSeals seals,
            InsuredDiseases insuredDiseases, PendingOutbox pendingOutbox, JsonMapper json, Clock clock) {
        this.mongo = mongo;
        this.applications = applications;
        this.seals = seals;
        this.insuredDiseases = insuredDiseases;
        this.pendingOutbox = pendingOutbox;
        this.json = json;
        this.clock = clock;
    }

    Application withdraw(Caller caller, String number, WithdrawalRequest request) {
        String reason = request.reason() == null ? "" : request.reason().strip();
        if (reason.isEmpty() || reason.codePointCount(0, reason.length()) > MAX_REASON) {
            throw ApplicationProblems.reasonRequired(MAX_REASON);
        }
        for (int attempt = 1; attempt <= 3; attempt++) {
            Application application = ApplicationActions.actedOnBy(caller, number, applications, seals);
            if (application.status().isFinal() || application.status().isDecided()) {
                throw ApplicationProblems.alreadyEnded(application);
            }
            Instant now = clock.instant();
            ApplicationWithdrawn event = new ApplicationWithdrawn(TimeOrderedIds.next(), ApplicationWithdrawn.SCHEMA_VERSION,
                    now, number, application.regionCode(), application.diseaseName(), reason, now,
                    Submitters.of(caller), seals.recipient(application));
            OutboxEntry entry = new OutboxEntry(event.eventId().toString(), Topics.APPLICATION_WITHDRAWN, number,
                    json.writeValueAsString(event), now);
            Query unchanged = Query.query(Criteria.where("_id").is(number).and("version").is(application.version()));
            Update update = new Update().set("status", ApplicationStatus.WITHDRAWN)
                    .set("withdrawal", new Application.Withdrawal(reason, now, caller.subject()))
                    .push("timeline", new TimelineEntry(ApplicationStatus.WITHDRAWN, now, "申请人已撤回申请"))
                    .push("outbox", entry).set("reviewDueAt", null).inc("version", 1);
            if (mongo.updateFirst(unchanged, update, Application.class).getModifiedCount() == 1) {
                pendingOutbox.mark(Application.COLLECTION, List.of(number));
                insuredDiseases.release(application);
                log.info("Application {} withdrawn by its submitter", number);
                return applications.find(number).orElseThrow();
            }
        }
        throw ApplicationProblems.keptChanging(number);
    }
}
