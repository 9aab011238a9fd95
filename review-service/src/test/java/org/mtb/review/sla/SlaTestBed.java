package org.mtb.review.sla;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.mtb.contracts.DiseaseCategory;
import org.mtb.contracts.catalog.ReviewTimeLimit;
import org.mtb.review.calendar.CalendarChanged;
import org.mtb.review.calendar.CalendarProperties;
import org.mtb.review.calendar.CalendarSnapshot;
import org.mtb.review.calendar.RegionCalendars;
import org.mtb.review.policy.RegionPolicies;
import org.mtb.review.policy.RegionPolicyChanged;
import org.mtb.review.timer.DueTimerPoller;
import org.mtb.review.timer.DueTimers;
import org.mtb.review.timer.TimerProperties;
import org.mtb.stack.EmbeddedMongo;
import org.mtb.support.outbox.PendingOutbox;
import org.mtb.support.testing.TestClock;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SLA core as review-service wires it, without Spring: real objects on a database of their own in the embedded
 * MongoDB, a clock the test moves, and the application events they publish collected instead of delivered.
 */
final class SlaTestBed {

    static final ReviewTimeLimit TWENTY_DAYS = new ReviewTimeLimit(DiseaseCategory.CHRONIC,
            ReviewTimeLimit.Kind.WORKING_DAYS, BigDecimal.valueOf(20));
    static final ReviewTimeLimit AT_ONCE = new ReviewTimeLimit(DiseaseCategory.SPECIAL,
            ReviewTimeLimit.Kind.IMMEDIATE, null);
    static final SlaProperties PROPERTIES = new SlaProperties(0.75, Duration.ofHours(2), Duration.ofHours(1),
            Duration.ofMinutes(10), Duration.ofMinutes(1), Duration.ofSeconds(15));

    static final TimerProperties TIMERS = new TimerProperties(Duration.ofMillis(200), Duration.ofSeconds(2), 4, 2000,
            Duration.ofMinutes(5));

    private static final EmbeddedMongo MONGO = EmbeddedMongo.inMemory();
    private static final MongoClient CLIENT = MongoClients.create(MONGO.uri("admin"));
    private static final AtomicInteger DATABASES = new AtomicInteger();

    final TestClock clock;
    final MongoTemplate mongo = new MongoTemplate(CLIENT, "sla_test_" + DATABASES.incrementAndGet());
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final JsonMapper json = JsonMapper.builder().build();
    final List<Object> applicationEvents = new ArrayList<>();
    final RegionCalendars calendars;
    final RegionPolicies policies;
    final PendingOutbox pendingOutbox;
    final SlaCases cases;
    final SlaCounts counts;
    final SlaPlanner planner = new SlaPlanner(PROPERTIES);
    final DueTimers timers;
    final SlaEvents events;
    final RecordingPublisher kafka = new RecordingPublisher();
    final SlaTimerHandler handler;

    SlaTestBed(TestClock clock) {
        this.clock = clock;
        this.calendars = new RegionCalendars(mongo, applicationEvents::add, meters, clock, json,
                new CalendarProperties(ZoneId.of("Asia/Shanghai"), "09:00-12:00,13:30-17:30", Duration.ofSeconds(5)));
        this.policies = new RegionPolicies(mongo, applicationEvents::add, meters, clock, Duration.ofSeconds(5));
        this.pendingOutbox = new PendingOutbox(mongo, clock);
        this.cases = new SlaCases(mongo, pendingOutbox);
        this.counts = new SlaCounts(mongo, meters);
        this.timers = new DueTimers(mongo, clock, TIMERS);
        this.events = new SlaEvents(mongo, cases, pendingOutbox, counts, meters, json, kafka);
        this.handler = new SlaTimerHandler(cases, calendars, events, clock);
    }

    SlaRecompute recompute(SlaCases cases) {
        return new SlaRecompute(cases, policies, calendars, planner, timers, counts, PROPERTIES, clock);
    }

    /** Hands the application events published so far to the recompute, as Spring would, and lets it work. */
    void reconcile(SlaRecompute recompute) {
        List<Object> published = List.copyOf(applicationEvents);
        applicationEvents.clear();
        for (Object event : published) {
            if (event instanceof CalendarChanged changed) {
                recompute.calendarChanged(changed);
            } else if (event instanceof RegionPolicyChanged changed) {
                recompute.policyChanged(changed);
            }
        }
        recompute.round();
    }

    /** A poller of this bed's timers, as one instance of review-service runs it. */
    DueTimerPoller poller() {
        return new DueTimerPoller(timers, clock, handler, TIMERS, meters);
    }

    /** The national default calendar review counts with before a region's own arrives (revision 0). */
    CalendarSnapshot nationalDefault() {
        return calendars.calendarFor("990000");
    }

    /** Stores an open case as review-service does, with a deadline planned from {@code submittedAt}. */
    SlaClock open(String number, String region, ReviewTimeLimit limit, Instant submittedAt) {
        SlaClock sla = planner.plan(limit, submittedAt, calendars.calendarFor(region));
        store(number, region, limit.category(), submittedAt, "OPEN", null, sla);
        counts.opened(region, sla);
        return sla;
    }

    /** Stores a case in the shape of review-service's {@code ReviewCase} documents, without the personal data. */
    void store(String number, String region, DiseaseCategory category, Instant submittedAt, String status,
            @Nullable Instant decidedAt, @Nullable SlaClock sla) {
        Document c = new Document("_id", number).append("regionCode", region)
                .append("diseaseCategory", category.name()).append("submittedAt", submittedAt)
                .append("status", status).append("version", 0L).append("outbox", List.of());
        if (decidedAt != null) {
            c.append("decision", new Document("outcome", "APPROVED").append("decidedAt", decidedAt));
        }
        if (sla != null) {
            c.append("sla", mongo.getConverter().convertToMongoType(sla));
        }
        mongo.insert(c, SlaCases.COLLECTION);
    }

    SlaCase read(String number) {
        return cases.find(number);
    }

    /** The events in the case's outbox, by topic. */
    List<String> outboxTopics(String number) {
        Document c = mongo.findById(number, Document.class, SlaCases.COLLECTION);
        return c.getList("outbox", Document.class).stream().map(e -> e.getString("topic")).toList();
    }

    /** Records timers that fired together whose events Kafka did not take at the moment (as when it is down). */
    void recordFiring(SlaFiring firing) {
        mongo.insert(firing);
    }

    /** Settles every firing recorded so far, as the outbox relay would hand them over. */
    void settleFirings() {
        List<Object> ids = mongo.findAll(Document.class, SlaFiring.COLLECTION).stream().map(d -> d.get("_id")).toList();
        if (!ids.isEmpty()) {
            events.settle(ids);
        }
    }
}
