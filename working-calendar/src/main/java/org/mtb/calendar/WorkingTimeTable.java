package org.mtb.calendar;

import static org.mtb.calendar.TableDays.NANOS_PER_SECOND;
import static org.mtb.calendar.TableDays.SECONDS_PER_DAY;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A calendar's days from the first year of its schedule to {@link #YEARS_AFTER_SCHEDULE} years after the last one,
 * counted once, so that a deadline is looked up instead of walked to: per day the working days, working time and
 * days of unknown years before it, and its working periods. A position is the working time of the table's days
 * before a local moment, in nanoseconds, counted in local time as the calendar's day-by-day walk counts it.
 * A method answers {@code null} (or -1) for a moment or result outside the table, or one the walk would refuse;
 * the calendar then walks day by day, which raises the walk's own errors.
 */
final class WorkingTimeTable {

    /** Deadlines from late in the last published year run into the next ones, provisionally. */
    static final int YEARS_AFTER_SCHEDULE = 2;

    /** Keeps every position, and a position plus any amount the table answers, within a long. */
    private static final int MAX_YEARS = 100;

    private static final int NOT_WORKED = -1;

    private final TableDays days;
    /** By day: index into {@link #periods}, {@link #NOT_WORKED} on a day off. */
    private final int[] periodsOfDay;
    private final DayPeriods[] periods;
    /** By day, one entry more (the end of the table): working nanoseconds, working days, days of unknown years. */
    private final long[] workedBefore;
    private final int[] workingDaysBefore;
    private final int[] unknownDaysBefore;
    /** By working day, the table's first being 0: its day, its date, its closing instant (null without periods). */
    private final int[] workingDay;
    private final LocalDate[] workingDate;
    private final @Nullable Instant[] closing;

    private WorkingTimeTable(TableDays days, WorkingDayCalendar dayByDay, WorkingHours hours) {
        this.days = days;
        int count = days.count();
        periodsOfDay = new int[count];
        workedBefore = new long[count + 1];
        workingDaysBefore = new int[count + 1];
        unknownDaysBefore = new int[count + 1];
        List<DayPeriods> distinct = new ArrayList<>();
        Map<List<WorkingHours.Period>, Integer> indexOf = new HashMap<>();
        List<Integer> workingDays = new ArrayList<>();
        List<LocalDate> dates = new ArrayList<>();
        List<@Nullable Instant> closings = new ArrayList<>();
        for (int day = 0; day < count; day++) {
            LocalDate date = days.date(day);
            long worked = 0;
            periodsOfDay[day] = NOT_WORKED;
            if (dayByDay.isWorkingDay(date)) {
                List<WorkingHours.Period> open = hours.periodsOn(date);
                periodsOfDay[day] = indexOf.computeIfAbsent(open, p -> {
                    distinct.add(new DayPeriods(p));
                    return distinct.size() - 1;
                });
                worked = distinct.get(periodsOfDay[day]).total();
                workingDays.add(day);
                dates.add(date);
                // The walk's own expression, so that a closing time in a time-zone gap resolves alike.
                closings.add(open.isEmpty() ? null
                        : date.atTime(open.getLast().end()).atZone(dayByDay.zone()).toInstant());
            }
            workedBefore[day + 1] = workedBefore[day] + worked;
            workingDaysBefore[day + 1] = workingDaysBefore[day] + (periodsOfDay[day] == NOT_WORKED ? 0 : 1);
            unknownDaysBefore[day + 1] = unknownDaysBefore[day] + (dayByDay.isProvisional(date) ? 1 : 0);
        }
        periods = distinct.toArray(DayPeriods[]::new);
        workingDay = workingDays.stream().mapToInt(Integer::intValue).toArray();
        workingDate = dates.toArray(LocalDate[]::new);
        closing = closings.toArray(Instant[]::new);
    }

    /** Tables for the schedule's years and those after them; none for a schedule without years. */
    static @Nullable WorkingTimeTable of(ZoneId zone, HolidaySchedule schedule, WorkingHours hours) {
        Set<Integer> years = schedule.years();
        if (years.isEmpty()) {
            return null;
        }
        int firstYear = Collections.min(years);
        int lastYear = Collections.max(years) + YEARS_AFTER_SCHEDULE;
        if (firstYear < 1 || lastYear > 9999 || lastYear - firstYear >= MAX_YEARS) {
            return null;
        }
        LocalDate first = LocalDate.of(firstYear, 1, 1);
        int count = (int) (LocalDate.of(lastYear + 1, 1, 1).toEpochDay() - first.toEpochDay());
        return new WorkingTimeTable(new TableDays(zone, first, count),
                WorkingDayCalendar.dayByDay(zone, schedule, hours), hours);
    }

    LocalDate firstDay() {
        return days.date(0);
    }

    LocalDate lastDay() {
        return days.date(days.count() - 1);
    }

    boolean covers(Instant moment) {
        return days.dayOf(days.localSecond(moment)) >= 0;
    }

    /** Only for a moment the table {@link #covers}. */
    boolean isWorkingTime(Instant moment) {
        long local = days.localSecond(moment);
        int open = periodsOfDay[days.dayOf(local)];
        return open != NOT_WORKED && periods[open].isOpenAt(TableDays.nanoOfDay(local, moment));
    }

    /** See {@link WorkingDayCalendar#addWorkingDays(Instant, int)}; {@code workingDays} is at least 1. */
    @Nullable Deadline addWorkingDays(Instant acceptedAt, int workingDays) {
        long acceptedDay = days.dayNumber(days.localSecond(acceptedAt));
        if (acceptedDay < -1 || acceptedDay >= days.count()) {
            return null;
        }
        int counted = (int) acceptedDay + 1;
        long nth = (long) workingDaysBefore[counted] + workingDays - 1;
        if (nth >= workingDay.length) {
            return null;
        }
        int due = workingDay[(int) nth];
        @Nullable Instant closes = closing[(int) nth];
        if (closes == null || due - acceptedDay > WorkingDayCalendar.MAX_DAYS_SCANNED + 1) {
            return null;
        }
        return new Deadline(closes, workingDate[(int) nth], unknownDaysBefore[due + 1] > unknownDaysBefore[counted]);
    }

    /** See {@link WorkingDayCalendar#addWorkingTime}, for an amount that is not negative. */
    @Nullable Deadline addWorkingTime(Instant from, long amountSeconds, int amountNanos) {
        if (amountSeconds >= days.count() * SECONDS_PER_DAY) {
            return null;
        }
        long local = days.localSecond(from);
        int start = days.dayOf(local);
        if (start < 0) {
            return null;
        }
        return deadlineAfter(start, position(start, TableDays.nanoOfDay(local, from)),
                amountSeconds * NANOS_PER_SECOND + amountNanos);
    }

    /** See {@link WorkingDayCalendar#addWorkingDayFraction}: the same rounding to whole seconds. */
    @Nullable Deadline addWorkingDayFraction(Instant from, double fraction) {
        long local = days.localSecond(from);
        int start = days.dayOf(local);
        if (start < 0) {
            return null;
        }
        long position = position(start, TableDays.nanoOfDay(local, from));
        int clockStarts = dayReaching(start, position + 1);
        if (clockStarts < 0 || clockStarts - start > WorkingDayCalendar.MAX_DAYS_SCANNED) {
            return null;
        }
        long dayInSeconds = periods[periodsOfDay[clockStarts]].total() / NANOS_PER_SECOND;
        long seconds = Math.round(dayInSeconds * fraction);
        if (seconds < 0 || seconds >= days.count() * SECONDS_PER_DAY) {
            return null;
        }
        return deadlineAfter(start, position, seconds * NANOS_PER_SECOND);
    }

    /** See {@link WorkingDayCalendar#workingTimeBetween}, for {@code to} after {@code from}; -1 outside the table. */
    long workingNanosBetween(Instant from, Instant to) {
        long start = days.localSecond(from);
        long stop = days.localSecond(to);
        int startDay = days.dayOf(start);
        int stopDay = days.dayOf(stop);
        if (startDay < 0 || stopDay < 0) {
            return -1;
        }
        long worked = position(stopDay, TableDays.nanoOfDay(stop, to))
                - position(startDay, TableDays.nanoOfDay(start, from));
        return Math.max(worked, 0);
    }

    /**
     * The deadline {@code amount} nanoseconds of working time after {@code position} on day {@code start}. For no
     * working time at all, the next working moment, which a closing instant is not.
     */
    private @Nullable Deadline deadlineAfter(int start, long position, long amount) {
        long target = position + amount;
        boolean atOpening = amount == 0;
        int due = dayReaching(start, atOpening ? target + 1 : target);
        if (due < 0 || due - start > WorkingDayCalendar.MAX_DAYS_SCANNED) {
            return null;
        }
        long nanoOfDay = periods[periodsOfDay[due]].momentAfter(target - workedBefore[due], atOpening);
        return new Deadline(days.instantAt(due, nanoOfDay), workingDate[workingDaysBefore[due]],
                unknownDaysBefore[due + 1] > unknownDaysBefore[start]);
    }

    /**
     * The first day from {@code start} on by whose end {@code position} is reached, or -1 beyond the table.
     * Galloping, then halving: a deadline is mostly a few days away, and never more than a search of the table.
     */
    private int dayReaching(int start, long position) {
        int end = days.count();
        if (workedBefore[end] < position) {
            return -1;
        }
        int low = start + 1;
        int high = low;
        for (int step = 1; high < end && workedBefore[high] < position; step <<= 1) {
            low = high + 1;
            high = (int) Math.min(end, (long) high + step);
        }
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (workedBefore[middle] >= position) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low - 1;
    }

    private long position(int day, long nanoOfDay) {
        int open = periodsOfDay[day];
        return open == NOT_WORKED ? workedBefore[day] : workedBefore[day] + periods[open].workedBefore(nanoOfDay);
    }
}
