package org.mtb.review.reviewcase;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mtb.calendar.WorkingDayCalendar;
import org.mtb.contracts.TimeOrderedIds;
import org.mtb.contracts.Topics;
import org.mtb.contracts.catalog.CatalogDisease;
import org.mtb.contracts.catalog.EffectiveDateRule;
import org.mtb.contracts.catalog.Period;
import org.mtb.contracts.intake.ApplicationKind;
import org.mtb.contracts.catalog.RegionPolicy;
import org.mtb.contracts.review.PublicNoticeStarted;
import org.mtb.contracts.review.QualificationGranted;
import org.mtb.review.calendar.RegionCalendars;
import org.mtb.review.policy.PolicyCopy;
import org.mtb.review.policy.RegionPolicies;
import org.mtb.review.timer.DueTimer;
import org.mtb.support.outbox.OutboxEntry;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an approval leads to by the region's policy: a public notice (公示) first, where the region has one, or the
 * qualification at once, effective by the region's {@code effectiveDateRule}; with the events that tell of it.
 */
@Component
class Approvals {

    static final String NOTICE_END = "PUBLIC_NOTICE_END";
    static final String SUCCESSION = "QUALIFICATION_SUCCESSION";

    private final RegionPolicies policies;
    private final RegionCalendars calendars;
    private final CasePersonalData personalData;
    private final JsonMapper json;
    private final QualificationTimerPlan qualificationTimers;
    private final MongoTemplate mongo;

    Approvals(RegionPolicies policies, RegionCalendars calendars, CasePersonalData personalData, JsonMapper json,
            QualificationTimerPlan qualificationTimers, MongoTemplate mongo) {
        this.mongo = mongo;
        this.qualificationTimers = qualificationTimers;
        this.policies = policies;
        this.calendars = calendars;
        this.personalData = personalData;
        this.json = json;
    }

    /**
     * @param notice the public notice the approval enters; null where the region has none
     * @param qualification granted at once; null while a notice runs
     * @param timers the notice's end, to be scheduled before the case is written
     */
    record Approval(CaseStatus status, @Nullable PublicNotice notice, @Nullable Qualification qualification,
            List<OutboxEntry> events, List<DueTimer> timers) {

        @Nullable LocalDate effectiveFrom() {
            return qualification == null ? null : qualification.validFrom();
        }
    }

    Approval approve(ReviewCase c, Instant now) {
        @Nullable RegionPolicy policy = policies.find(c.regionCode()).map(PolicyCopy::policy).orElse(null);
        WorkingDayCalendar calendar = calendars.calendarFor(c.regionCode()).calendar();
        LocalDate today = LocalDate.ofInstant(now, calendar.zone());
        if (policy != null && policy.publicNotice() != null) {
            PublicNotice notice = notice(policy.publicNotice(), today, calendar);
            PublicNoticeStarted started = new PublicNoticeStarted(TimeOrderedIds.next(), PublicNoticeStarted.SCHEMA_VERSION,
                    now, c.applicationNumber(), c.regionCode(), c.diseaseName(), notice.from(), notice.until(),
                    personalData.recipient(c));
            return new Approval(CaseStatus.IN_PUBLIC_NOTICE, notice, null,
                    List.of(CaseEvents.entry(json, started, Topics.PUBLIC_NOTICE_STARTED, now)),
                    List.of(new DueTimer(c.applicationNumber(), NOTICE_END, 1, notice.endsAt())));
        }
        EffectiveDateRule rule = policy == null ? EffectiveDateRule.DAY_OF_APPROVAL : policy.effectiveDateRule();
        LocalDate from = rule == EffectiveDateRule.DAY_AFTER_APPROVAL || rule == EffectiveDateRule.AFTER_PUBLIC_NOTICE
                ? today.plusDays(1) : today;
        return granted(c, from, now, QualificationGranted.Grant.REVIEW, null, true);
    }

    /**
     * The qualification granted from {@code from}, with its event: after a notice, or at once. A renewal of an active
     * qualification starts the day after that one's last day where that is later, so that there is no gap and no
     * overlap; a renewal or change names the qualification it continues, and a succession timer (due at once, so
     * durable) records it on that one, ending it at once for a change.
     */
    Approval granted(ReviewCase c, LocalDate from, Instant now, QualificationGranted.Grant grant,
            @Nullable String ruleVersion, boolean toldWithDecision) {
        @Nullable PolicyCopy catalog = policies.find(c.regionCode()).orElse(null);
        @Nullable Qualification previous = previous(c);
        LocalDate start = from;
        if (previous != null && c.succession().kind() == ApplicationKind.RENEWAL
                && previous.status() == Qualification.Status.ACTIVE && previous.validTo() != null
                && previous.validTo().plusDays(1).isAfter(from)) {
            start = previous.validTo().plusDays(1);
        }
        @Nullable LocalDate to = validTo(start, recheckEvery(catalog, c.diseaseCode()));
        Qualification qualification = new Qualification(Qualification.numberFor(c.applicationNumber()), start, to,
                Qualification.Status.ACTIVE, grant, ruleVersion, now, null, null, null, null,
                Qualification.newVerificationCode(), previous == null ? null : previous.number(), null);
        QualificationGranted event = new QualificationGranted(TimeOrderedIds.next(), QualificationGranted.SCHEMA_VERSION,
                now, c.applicationNumber(), qualification.number(), c.regionCode(), c.diseaseCode(), c.diseaseName(),
                grant, ruleVersion, start, to, qualification.replaces(), personalData.recipient(c),
                toldWithDecision ? Boolean.TRUE : null);
        List<OutboxEntry> events = new ArrayList<>();
        events.add(CaseEvents.entry(json, event, Topics.QUALIFICATION_GRANTED, now));
        List<DueTimer> timers = new ArrayList<>(qualificationTimers.of(c, qualification, catalog));
        if (previous != null) {
            timers.add(new DueTimer(c.applicationNumber(), SUCCESSION, 1, now));
        }
        return new Approval(CaseStatus.APPROVED, c.notice(), qualification, events, timers);
    }

    /** The qualification a renewal or change continues: the same person's, in the same region; null otherwise. */
    @Nullable Qualification previous(ReviewCase c) {
        if (c.succession() == null) {
            return null;
        }
        String number = c.succession().qualificationNumber();
        ReviewCase before = mongo.findById(number.startsWith("Q-") ? number.substring(2) : number, ReviewCase.class);
        if (before == null || before.qualification() == null || !before.regionCode().equals(c.regionCode())
                || before.applicant().idNumberIndex() == null
                || !before.applicant().idNumberIndex().equals(c.applicant().idNumberIndex())) {
            return null;
        }
        return before.qualification();
    }

    /** The day after the notice's last day: when a qualification noticed without an upheld objection takes effect. */
    static LocalDate afterNotice(PublicNotice notice, Instant now, ZoneId zone) {
        LocalDate dayAfter = notice.until().plusDays(1);
        LocalDate today = LocalDate.ofInstant(now, zone);
        return today.isAfter(dayAfter) ? today : dayAfter;
    }

    ZoneId zoneOf(String regionCode) {
        return calendars.calendarFor(regionCode).calendar().zone();
    }

    /**
     * The notice the approval of {@code today} enters: from the next working day (the day the bureau's list is
     * published), for the policy's length.
     */
    static PublicNotice notice(Period length, LocalDate today, WorkingDayCalendar calendar) {
        LocalDate from = nextWorkingDay(today, calendar);
        LocalDate until = switch (length.unit()) {
            case WORKING_DAYS -> {
                LocalDate last = from;
                for (int counted = 1; counted < length.amount(); counted++) {
                    last = nextWorkingDay(last, calendar);
                }
                yield last;
            }
            case CALENDAR_DAYS -> from.plusDays(length.amount() - 1L);
            case MONTHS -> from.plusMonths(length.amount()).minusDays(1);
            case YEARS -> from.plusYears(length.amount()).minusDays(1);
        };
        return new PublicNotice(from, until, until.plusDays(1).atStartOfDay(calendar.zone()).toInstant(), List.of(),
                null);
    }

    private static LocalDate nextWorkingDay(LocalDate day, WorkingDayCalendar calendar) {
        LocalDate next = day.plusDays(1);
        for (int i = 0; i < 366 && !calendar.isWorkingDay(next); i++) {
            next = next.plusDays(1);
        }
        return next;
    }

    private static @Nullable Period recheckEvery(@Nullable PolicyCopy catalog, String diseaseCode) {
        if (catalog == null || catalog.policy() == null) {
            return null;
        }
        @Nullable Period ofDisease = catalog.diseases() == null ? null : catalog.diseases().stream()
                .filter(d -> d.code().equals(diseaseCode)).findFirst().map(CatalogDisease::recheckEvery).orElse(null);
        return ofDisease != null ? ofDisease : catalog.policy().recheckEvery();
    }

    /** The last day of a qualification valid from {@code from} for {@code every}; null where it is long-term. */
    static @Nullable LocalDate validTo(LocalDate from, @Nullable Period every) {
        if (every == null) {
            return null;
        }
        return switch (every.unit()) {
            case YEARS -> from.plusYears(every.amount()).minusDays(1);
            case MONTHS -> from.plusMonths(every.amount()).minusDays(1);
            case CALENDAR_DAYS, WORKING_DAYS -> from.plusDays(every.amount() - 1L);
        };
    }
}
