package org.mtb.review.reviewcase;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mtb.calendar.WorkingDayCalendar;
import org.mtb.contracts.catalog.Period;
import org.mtb.review.calendar.RegionCalendars;
import org.mtb.review.policy.PolicyCopy;
import org.mtb.review.timer.DueTimer;
import org.springframework.stereotype.Component;

/**
 * When a qualification's re-check reminder and its expiry fall due: the reminder at 09:00 on the day the region's
 * {@code recheckReminderBefore} lies before the last valid day (working days counted back in the region's calendar),
 * the expiry at the start of the day after the last valid day. A long-term qualification has neither.
 */
@Component
class QualificationTimerPlan {

    static final String RECHECK_DUE = "RECHECK_DUE";
    static final String EXPIRY = "QUALIFICATION_EXPIRY";
    private static final LocalTime REMINDER_TIME = LocalTime.of(9, 0);

    private final RegionCalendars calendars;

    QualificationTimerPlan(RegionCalendars calendars) {
        this.calendars = calendars;
    }

    List<DueTimer> of(ReviewCase c, Qualification qualification, @Nullable PolicyCopy catalog) {
        List<DueTimer> timers = new ArrayList<>(2);
        if (qualification.validTo() == null) {
            return timers;
        }
        WorkingDayCalendar calendar = calendars.calendarFor(c.regionCode()).calendar();
        @Nullable Period before = catalog == null || catalog.policy() == null ? null
                : catalog.policy().reviewRules().recheckReminderBefore();
        if (before != null) {
            timers.add(new DueTimer(c.applicationNumber(), RECHECK_DUE, 1,
                    reminderAt(qualification.validTo(), before, calendar)));
        }
        timers.add(new DueTimer(c.applicationNumber(), EXPIRY, 1, expiryAt(qualification.validTo(), calendar)));
        return timers;
    }

    Instant expiryAt(LocalDate validTo, String regionCode) {
        return expiryAt(validTo, calendars.calendarFor(regionCode).calendar());
    }

    private static Instant expiryAt(LocalDate validTo, WorkingDayCalendar calendar) {
        return validTo.plusDays(1).atStartOfDay(calendar.zone()).toInstant();
    }

    static Instant reminderAt(LocalDate validTo, Period before, WorkingDayCalendar calendar) {
        LocalDate day = switch (before.unit()) {
            case WORKING_DAYS -> {
                LocalDate d = validTo;
                for (int counted = 0; counted < before.amount(); ) {
                    d = d.minusDays(1);
                    if (calendar.isWorkingDay(d)) {
                        counted++;
                    }
                }
                yield d;
            }
            case CALENDAR_DAYS -> validTo.minusDays(before.amount());
            case MONTHS -> validTo.minusMonths(before.amount());
            case YEARS -> validTo.minusYears(before.amount());
        };
        return day.atTime(REMINDER_TIME).atZone(calendar.zone()).toInstant();
    }
}
