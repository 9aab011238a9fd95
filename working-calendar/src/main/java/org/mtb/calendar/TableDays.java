package org.mtb.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import org.jspecify.annotations.Nullable;

/**
 * The local days of a {@link WorkingTimeTable} in the calendar's zone, numbered from 0: on which day and at which
 * nanosecond of it a moment falls, and back, exactly as {@link LocalDateTime#ofInstant} and
 * {@code LocalDateTime.atZone(zone).toInstant()} have it, without building either on most days.
 */
final class TableDays {

    static final long SECONDS_PER_DAY = 86_400;
    static final long NANOS_PER_SECOND = 1_000_000_000;

    private static final int NO_FIXED_OFFSET = Integer.MIN_VALUE;
    /** The largest offset a zone may have. */
    private static final long OFFSET_REACH = 18 * 3600;

    private final ZoneId zone;
    private final ZoneRules rules;
    private final long firstEpochDay;
    private final int count;
    /** By day: the zone's offset all day long, {@link #NO_FIXED_OFFSET} near a transition. */
    private final int[] offsetSeconds;

    TableDays(ZoneId zone, LocalDate first, int count) {
        this.zone = zone;
        this.rules = zone.getRules();
        this.firstEpochDay = first.toEpochDay();
        this.count = count;
        offsetSeconds = new int[count];
        for (int day = 0; day < count; day++) {
            offsetSeconds[day] = fixedOffset(firstEpochDay + day);
        }
    }

    int count() {
        return count;
    }

    LocalDate date(int day) {
        return LocalDate.ofEpochDay(firstEpochDay + day);
    }

    /** The moment's seconds in local time: its epoch seconds plus the zone's offset at that instant. */
    long localSecond(Instant moment) {
        return moment.getEpochSecond() + rules.getOffset(moment).getTotalSeconds();
    }

    /** The day of a local second, counted from the first day of the table; negative or beyond it outside. */
    long dayNumber(long localSecond) {
        return Math.floorDiv(localSecond, SECONDS_PER_DAY) - firstEpochDay;
    }

    /** The day of a local second, or -1 outside the table. */
    int dayOf(long localSecond) {
        long day = dayNumber(localSecond);
        return day >= 0 && day < count ? (int) day : -1;
    }

    static long nanoOfDay(long localSecond, Instant moment) {
        return Math.floorMod(localSecond, SECONDS_PER_DAY) * NANOS_PER_SECOND + moment.getNano();
    }

    /** The instant of a local time of a day; in a gap or an overlap as {@link LocalDateTime#atZone} resolves it. */
    Instant instantAt(int day, long nanoOfDay) {
        long localSecond = (firstEpochDay + day) * SECONDS_PER_DAY + nanoOfDay / NANOS_PER_SECOND;
        int nano = (int) (nanoOfDay % NANOS_PER_SECOND);
        int offset = offsetSeconds[day];
        if (offset != NO_FIXED_OFFSET) {
            return Instant.ofEpochSecond(localSecond - offset, nano);
        }
        return LocalDateTime.ofEpochSecond(localSecond, nano, ZoneOffset.UTC).atZone(zone).toInstant();
    }

    /**
     * The offset of a local day when no transition comes within {@link #OFFSET_REACH} of it, so that every local
     * time of the day has that one offset; {@link #NO_FIXED_OFFSET} otherwise.
     */
    private int fixedOffset(long epochDay) {
        long from = epochDay * SECONDS_PER_DAY - OFFSET_REACH;
        @Nullable ZoneOffsetTransition next = rules.nextTransition(Instant.ofEpochSecond(from - 1));
        if (next != null && next.toEpochSecond() <= (epochDay + 1) * SECONDS_PER_DAY + OFFSET_REACH) {
            return NO_FIXED_OFFSET;
        }
        return rules.getOffset(Instant.ofEpochSecond(from)).getTotalSeconds();
    }
}
