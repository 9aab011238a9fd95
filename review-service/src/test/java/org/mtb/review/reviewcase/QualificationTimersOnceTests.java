package org.mtb.review.reviewcase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.mtb.contracts.Channel;
import org.mtb.contracts.DiseaseCategory;
import org.mtb.contracts.InsuranceType;
import org.mtb.contracts.Topics;
import org.mtb.contracts.intake.Applicant;
import org.mtb.contracts.intake.Hospital;
import org.mtb.contracts.review.QualificationGranted;
import org.mtb.contracts.review.Recipient;
import org.mtb.review.timer.DueTimer;
import org.mtb.review.timer.DueTimerPoller;
import org.mtb.review.timer.DueTimers;
import org.mtb.review.timer.TimerProperties;
import org.mtb.stack.EmbeddedMongo;
import org.mtb.support.outbox.OutboxEntry;
import org.mtb.support.outbox.PendingOutbox;
import org.mtb.support.testing.TestClock;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * A qualification's re-check reminder and expiry through the real timer store and poller: two instances polling at
 * once fire each once, and a poller started afresh (a restarted service) fires what fell due while none ran, once,
 * and nothing again. The clock is the test's: no sleeping.
 */
class QualificationTimersOnceTests {

    private static final EmbeddedMongo MONGO = EmbeddedMongo.inMemory();
    private static final MongoClient CLIENT = MongoClients.create(MONGO.uri("admin"));
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final TimerProperties PROPERTIES = new TimerProperties(Duration.ofMillis(200),
            Duration.ofSeconds(2), 4, 2000, Duration.ofMinutes(5));

    private final TestClock clock = TestClock.at("2027-11-19T01:00:00Z");
    private final MongoTemplate mongo = new MongoTemplate(CLIENT, "qualification_timers_" + DATABASES.incrementAndGet());
    private final DueTimers timers = new DueTimers(mongo, clock, PROPERTIES);
    private final QualificationTimerPlan plan = mock(QualificationTimerPlan.class);
    private final CasePersonalData personalData = mock(CasePersonalData.class);
    private final QualificationTimers handler = new QualificationTimers(mongo, plan, personalData,
            new CaseWrites(mongo, mock(PendingOutbox.class)), JsonMapper.builder().build(), clock,
            new SimpleMeterRegistry());

    @Test
    void twoInstancesFireTheReminderOnceAndARestartedOneTheExpiryThatFellDueWhileNoneRan() {
        String number = "620900-20261130-000001";
        LocalDate validTo = LocalDate.of(2027, 12, 17);
        Instant remindAt = clock.instant().plusSeconds(1);
        Instant expiresAt = clock.instant().plus(Duration.ofMinutes(3));
        given(plan.expiryAt(any(), any())).willReturn(expiresAt);
        given(personalData.recipient(any())).willReturn(new Recipient(null, "enc:1:k:x", "张*", null));
        mongo.insert(granted(number, validTo));
        timers.schedule(List.of(new DueTimer(number, QualificationTimerPlan.RECHECK_DUE, 1, remindAt),
                new DueTimer(number, QualificationTimerPlan.EXPIRY, 1, expiresAt)));

        DueTimerPoller first = poller();
        DueTimerPoller second = poller();
        for (int i = 0; i < 10; i++) {
            CompletableFuture.allOf(CompletableFuture.runAsync(first::poll), CompletableFuture.runAsync(second::poll))
                    .join();
            clock.advance(Duration.ofMillis(300));
        }
        assertThat(events(number, Topics.RECHECK_DUE)).as("reminded once by two instances").isEqualTo(1);

        // Both instances stop; the expiry falls due while none runs; one starts again.
        clock.set(expiresAt.plus(Duration.ofMinutes(2)));
        DueTimerPoller restarted = poller();
        for (int i = 0; i < 5; i++) {
            restarted.poll();
            clock.advance(Duration.ofMillis(300));
        }
        DueTimerPoller againRestarted = poller();
        againRestarted.poll();

        assertThat(events(number, Topics.QUALIFICATION_EXPIRED)).as("expired once, at the start").isEqualTo(1);
        assertThat(events(number, Topics.RECHECK_DUE)).as("not reminded again").isEqualTo(1);
        assertThat(mongo.findById(number, ReviewCase.class).qualification().status())
                .isEqualTo(Qualification.Status.EXPIRED);
    }

    private DueTimerPoller poller() {
        return new DueTimerPoller(timers, clock, handler, PROPERTIES, new SimpleMeterRegistry());
    }

    private long events(String number, String topic) {
        List<OutboxEntry> outbox = mongo.findById(number, ReviewCase.class).outbox();
        return outbox.stream().filter(entry -> entry.topic().equals(topic)).count();
    }

    private static ReviewCase granted(String number, LocalDate validTo) {
        Qualification qualification = new Qualification("Q-" + number, validTo.minusYears(1).plusDays(1), validTo,
                Qualification.Status.ACTIVE, QualificationGranted.Grant.REVIEW, null, Instant.EPOCH, null, null, null,
                null, "ABCD-EFGH-JKMN-PQRS", null, null);
        return new ReviewCase(number, "e", "620900", "M03900", "高血压", DiseaseCategory.CHRONIC,
                new Applicant("x", "x", "x", InsuranceType.EMPLOYEE, null, null), new Hospital("市人民医院", 3, null),
                "x", Channel.APP, Instant.EPOCH, Instant.EPOCH, CaseStatus.APPROVED, null, "2025.3", null, 1L,
                List.of(), List.of(), null, null, null, qualification, null, null, null, null, null);
    }
}
