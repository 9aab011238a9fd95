package org.mtb.calendar;

import java.util.List;

/**
 * The working periods of one day as nanoseconds of the day, so that {@link WorkingTimeTable} can measure them
 * with long arithmetic instead of {@link java.time.LocalDateTime}s.
 */
final class DayPeriods {

    private final long[] opens;
    private final long[] closes;
    private final long total;

    DayPeriods(List<WorkingHours.Period> periods) {
        opens = new long[periods.size()];
        closes = new long[periods.size()];
        long sum = 0;
        for (int i = 0; i < opens.length; i++) {
            opens[i] = periods.get(i).start().toNanoOfDay();
            closes[i] = periods.get(i).end().toNanoOfDay();
            sum += closes[i] - opens[i];
        }
        total = sum;
    }

    /** The working time of the whole day, in nanoseconds. */
    long total() {
        return total;
    }

    boolean isEmpty() {
        return opens.length == 0;
    }

    /** Working nanoseconds of the day before {@code nanoOfDay}. */
    long workedBefore(long nanoOfDay) {
        long worked = 0;
        for (int i = 0; i < opens.length && nanoOfDay > opens[i]; i++) {
            worked += Math.min(nanoOfDay, closes[i]) - opens[i];
        }
        return worked;
    }

    /** Half-open periods: open at the opening instant, closed at the closing one. */
    boolean isOpenAt(long nanoOfDay) {
        for (int i = 0; i < opens.length; i++) {
            if (nanoOfDay >= opens[i] && nanoOfDay < closes[i]) {
                return true;
            }
        }
        return false;
    }

    /**
     * The nanosecond of the day at which {@code worked} nanoseconds of its working time have passed. Working time
     * that runs out exactly at a closing time ends there; with {@code atOpening} (no working time to add, only the
     * next working moment wanted) the next period's opening is taken instead, as a closing instant is not working
     * time.
     *
     * @param worked at least 0 and at most {@link #total()}, below it with {@code atOpening}
     */
    long momentAfter(long worked, boolean atOpening) {
        long left = worked;
        for (int i = 0; i < opens.length; i++) {
            long length = closes[i] - opens[i];
            if (left < length || (!atOpening && left == length)) {
                return opens[i] + left;
            }
            left -= length;
        }
        throw new IllegalArgumentException(worked + " ns is beyond the day's working time of " + total + " ns");
    }
}
