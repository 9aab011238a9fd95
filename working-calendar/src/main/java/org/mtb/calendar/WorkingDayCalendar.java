package org.mtb.calendar;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A region's working calendar: which days are worked (weekdays, less statutory and regional days off, plus
 * worked weekend days) and when (its working hours), in its time zone.
 *
 * <p>Deadlines and working time are looked up in tables counted once when the calendar is built, for the years of
 * its schedule and the two after them (issue 9: constant time). Before and beyond them the calendar walks day by
 * day; {@link #dayByDay} builds one that always walks, the reference the tables are tested and measured against.
 */
public final class WorkingDayCalendar {

    /** Far enough for any deadline the regions set; stops a loop on a calendar with no working time at all. */
    static final int MAX_DAYS_SCANNED = 3660;

    private final ZoneId zone;
    private final HolidaySchedule schedule;
    private final WorkingHours hours;
    private final @Nullable WorkingTimeTable tables;

    public WorkingDayCalendar(ZoneId zone, HolidaySchedule schedule, WorkingHours hours) {
        this(zone, schedule, hours, WorkingTimeTable.of(zone, schedule, hours));
    }

    private WorkingDayCalendar(ZoneId zone, HolidaySchedule schedule, WorkingHours hours,
            @Nullable WorkingTimeTable tables) {
        this.zone = zone;
        this.schedule = schedule;
        this.hours = hours;
        this.tables = tables;
    }

    /** The same calendar without tables: every answer walked day by day, slower, and the same to the nanosecond. */
    public static WorkingDayCalendar dayByDay(ZoneId zone, HolidaySchedule schedule, WorkingHours hours) {
        return new WorkingDayCalendar(zone, schedule, hours, null);
    }

    public ZoneId zone() {
        return zone;
    }

    public boolean isWorkingDay(LocalDate date) {
        return schedule.entry(date).map(e -> e.kind() == ScheduleEntry.Kind.WORKED)
                .orElseGet(() -> date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY);
    }

    /** True when the date's year has no loaded schedule, so only weekends are known to be off. */
    public boolean isProvisional(LocalDate date) {
        return !schedule.knowsYear(date.getYear());
    }

    public boolean isWorkingTime(Instant moment) {
        if (tables != null && tables.covers(moment)) {
            return tables.isWorkingTime(moment);
        }
        ZonedDateTime local = moment.atZone(zone);
        if (!isWorkingDay(local.toLocalDate())) {
            return false;
        }
        LocalTime time = local.toLocalTime();
        return hours.periodsOn(local.toLocalDate()).stream()
                .anyMatch(p -> !time.isBefore(p.start()) && time.isBefore(p.end()));
    }

    /**
     * "N working days from acceptance": counting starts with the working day after the day of acceptance, and
     * the deadline is the end of the N-th working day's working hours.
     */
    public Deadline addWorkingDays(Instant acceptedAt, int workingDays) {
        if (workingDays < 1) {
            throw new IllegalArgumentException("workingDays must be at least 1, was " + workingDays);
        }
        @Nullable Deadline looked = tables == null ? null : tables.addWorkingDays(acceptedAt, workingDays);
        return looked != null ? looked : walkWorkingDays(acceptedAt, workingDays);
    }

    private Deadline walkWorkingDays(Instant acceptedAt, int workingDays) {
        LocalDate day = acceptedAt.atZone(zone).toLocalDate();
        boolean provisional = false;
        int counted = 0;
        for (int scanned = 0; counted < workingDays; scanned++) {
            requireWithinScan(scanned);
            day = day.plusDays(1);
            provisional |= isProvisional(day);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        List<WorkingHours.Period> periods = hours.periodsOn(day);
        return new Deadline(day.atTime(periods.getLast().end()).atZone(zone).toInstant(), day, provisional);
    }

    /**
     * The moment {@code amount} of working time has passed after {@code from}; outside working time the clock
     * starts at the next working moment. The result may be the end of a period: the last working instant.
     */
    public Deadline addWorkingTime(Instant from, Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("amount must not be negative");
        }
        @Nullable Deadline looked = tables == null ? null
                : tables.addWorkingTime(from, amount.getSeconds(), amount.getNano());
        return looked != null ? looked : walkWorkingTime(from, amount);
    }

    private Deadline walkWorkingTime(Instant from, Duration amount) {
        LocalDateTime cursor = LocalDateTime.ofInstant(from, zone);
        Duration left = amount;
        boolean provisional = false;
        for (int scanned = 0; ; scanned++) {
            requireWithinScan(scanned);
            LocalDate day = cursor.toLocalDate();
            provisional |= isProvisional(day);
            if (isWorkingDay(day)) {
                for (WorkingHours.Period period : hours.periodsOn(day)) {
                    LocalDateTime start = max(cursor, day.atTime(period.start()));
                    LocalDateTime end = day.atTime(period.end());
                    if (!start.isBefore(end)) {
                        continue;
                    }
                    Duration available = Duration.between(start, end);
                    if (left.compareTo(available) <= 0) {
                        LocalDateTime at = start.plus(left);
                        return new Deadline(at.atZone(zone).toInstant(), day, provisional);
                    }
                    left = left.minus(available);
                }
            }
            cursor = day.plusDays(1).atStartOfDay();
        }
    }

    /** A fraction of a working day, e.g. 0.5: that share of the working time of the day the clock starts on. */
    public Deadline addWorkingDayFraction(Instant from, double fraction) {
        @Nullable Deadline looked = tables == null ? null : tables.addWorkingDayFraction(from, fraction);
        if (looked != null) {
            return looked;
        }
        LocalDate start = addWorkingTime(from, Duration.ZERO).day();
        long seconds = Math.round(workingTimeOn(start).toSeconds() * fraction);
        return addWorkingTime(from, Duration.ofSeconds(seconds));
    }

    /**
     * Whole working days first, then the fraction of the working day that follows: 20, or 0.5 ("half a working day",
     * Liupanshui), or 1.5. Provisional if either part was counted over a year whose schedule is not known.
     *
     * @throws IllegalArgumentException for a number of days that is not above zero
     */
    public Deadline addWorkingDays(Instant acceptedAt, BigDecimal workingDays) {
        if (workingDays.signum() <= 0) {
            throw new IllegalArgumentException("working days must be above zero: " + workingDays);
        }
        int whole = workingDays.intValue();
        BigDecimal fraction = workingDays.subtract(BigDecimal.valueOf(whole));
        Deadline deadline = whole > 0 ? addWorkingDays(acceptedAt, whole) : null;
        if (fraction.signum() == 0) {
            return deadline;
        }
        Deadline rest = addWorkingDayFraction(deadline == null ? acceptedAt : deadline.at(), fraction.doubleValue());
        return new Deadline(rest.at(), rest.day(), rest.provisional() || (deadline != null && deadline.provisional()));
    }

    /** The working time of one day: zero on a day off. */
    public Duration workingTimeOn(LocalDate date) {
        if (!isWorkingDay(date)) {
            return Duration.ZERO;
        }
        return hours.periodsOn(date).stream().map(p -> Duration.between(p.start(), p.end()))
                .reduce(Duration.ZERO, Duration::plus);
    }

    /** Working time between two moments; zero when {@code to} is not after {@code from}. */
    public Duration workingTimeBetween(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        long looked = tables == null ? -1 : tables.workingNanosBetween(from, to);
        if (looked >= 0) {
            return Duration.ofNanos(looked);
        }
        LocalDateTime start = LocalDateTime.ofInstant(from, zone);
        LocalDateTime stop = LocalDateTime.ofInstant(to, zone);
        Duration total = Duration.ZERO;
        for (LocalDate day = start.toLocalDate(); !day.isAfter(stop.toLocalDate()); day = day.plusDays(1)) {
            if (!isWorkingDay(day)) {
                continue;
            }
            for (WorkingHours.Period period : hours.periodsOn(day)) {
                LocalDateTime a = max(start, day.atTime(period.start()));
                LocalDateTime b = min(stop, day.atTime(period.end()));
                if (a.isBefore(b)) {
                    total = total.plus(Duration.between(a, b));
                }
            }
        }
        return total;
    }

    /** The tables, for tests that ask which days they cover; null for a calendar that walks day by day. */
    @Nullable WorkingTimeTable tables() {
        return tables;
    }

    private static void requireWithinScan(int scanned) {
        if (scanned > MAX_DAYS_SCANNED) {
            throw new IllegalStateException("No working time within " + MAX_DAYS_SCANNED + " days");
        }
    }

    private static LocalDateTime max(LocalDateTime a, LocalDateTime b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDateTime min(LocalDateTime a, LocalDateTime b) {
        return a.isBefore(b) ? a : b;
    }
}
