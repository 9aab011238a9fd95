package org.mtb.support.crypto;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.mtb.support.security.Caller;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Who opened whose personal data, when, and why: every opening outside a service's own rendering (a reviewer showing
 * the unmasked ID number, an export) is written here before the clear value is answered, so that no value leaves
 * unrecorded. The collection {@value #COLLECTION} is append-only: this class only inserts, and nothing in the
 * platform updates or deletes it. Each entry also counts {@code mtb_personal_data_opened_total}.
 */
public final class PersonalDataAccessLog {

    public static final String COLLECTION = "personal_data_access";

    /**
     * One opening.
     *
     * @param record  the application number whose data was opened
     * @param fields  which values were opened ({@code applicant.idNumber}, …)
     * @param purpose why, in the caller's words (required)
     */
    public record Access(String id, Instant at, String service, String subject, String username,
            @Nullable String client, List<String> roles, String record, List<String> fields, String purpose) {
    }

    private final MongoTemplate mongo;
    private final Clock clock;
    private final String service;
    private final Counter opened;

    public PersonalDataAccessLog(MongoTemplate mongo, Clock clock, String service, MeterRegistry meters) {
        this.mongo = mongo;
        this.clock = clock;
        this.service = service;
        // Registered at 0, so that dashboards and alerts see the series before the first opening.
        this.opened = Counter.builder("mtb.personal.data.opened")
                .description("Openings of personal data outside a service's own rendering, each in the access log")
                .tag("service", service).register(meters);
    }

    /** Records an opening; throws when it cannot be recorded, and then the caller must not answer the values. */
    public Access record(Caller caller, String record, List<String> fields, String purpose) {
        Access access = new Access(UUID.randomUUID().toString(), clock.instant(), service, caller.subject(),
                caller.username(), caller.client(), caller.roles().stream().map(Enum::name).sorted().toList(), record,
                List.copyOf(fields), purpose);
        mongo.insert(new Document("_id", access.id()).append("at", java.util.Date.from(access.at()))
                .append("service", service).append("subject", access.subject()).append("username", access.username())
                .append("client", access.client()).append("roles", access.roles()).append("record", record)
                .append("fields", access.fields()).append("purpose", purpose), COLLECTION);
        opened.increment();
        return access;
    }

    /** The openings of one record's data, oldest first. */
    public List<Access> of(String record) {
        Query query = Query.query(Criteria.where("record").is(record)).with(Sort.by("at"));
        return mongo.find(query, Document.class, COLLECTION).stream().map(PersonalDataAccessLog::access).toList();
    }

    private static Access access(Document d) {
        return new Access(d.getString("_id"), d.getDate("at").toInstant(), d.getString("service"),
                d.getString("subject"), d.getString("username"), d.getString("client"), d.getList("roles", String.class),
                d.getString("record"), d.getList("fields", String.class), d.getString("purpose"));
    }
}
