package org.mtb.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import org.mtb.calendar.Deadline;
import org.mtb.calendar.HolidaySchedule;
import org.mtb.calendar.ScheduleFile;
import org.mtb.calendar.WorkingDayCalendar;
import org.mtb.calendar.WorkingHours;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 9's targets, on one thread, for the calendar's tables ({@code lookup=tables}) next to the day-by-day walk
 * they replace ({@code lookup=dayByDay}, about 2,300,000 ops/s for 20 working days; issue 3's target was
 * 1,000,000):
 * <ul>
 * <li>{@link #addTwentyWorkingDays}: at least 10,000,000 operations per second;</li>
 * <li>{@link #addHalfAWorkingDay}: at least 5,000,000;</li>
 * <li>{@link #addFourHoursOfWorkingTime}: at least 5,000,000;</li>
 * <li>{@link #workingTimeOverAMonth}: at least 5,000,000.</li>
 * </ul>
 * Starts are every day of 2025 and 2026 (national schedule with its 调休; deadlines from December 2026 run into
 * 2027, which has none yet) at times that move through the day, opening, lunch break and closing included.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@Threads(1)
public class WorkingDaysBenchmark {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final BigDecimal HALF = new BigDecimal("0.5");
    private static final Duration FOUR_HOURS = Duration.ofHours(4);
    private static final LocalTime[] TIMES = {LocalTime.of(8, 0), LocalTime.of(10, 30), LocalTime.of(12, 0),
            LocalTime.of(15, 15), LocalTime.of(17, 30)};

    @Param({"tables", "dayByDay"})
    public String lookup;

    private WorkingDayCalendar calendar;
    private Instant[] starts;
    private Instant[] monthLater;
    private int next;

    @Setup
    public void setUp() {
        WorkingHours hours = WorkingHours.allYear(
                new WorkingHours.Period(LocalTime.of(9, 0), LocalTime.of(12, 0)),
                new WorkingHours.Period(LocalTime.of(13, 30), LocalTime.of(17, 30)));
        HolidaySchedule national = national();
        calendar = switch (lookup) {
            case "tables" -> new WorkingDayCalendar(SHANGHAI, national, hours);
            case "dayByDay" -> WorkingDayCalendar.dayByDay(SHANGHAI, national, hours);
            default -> throw new IllegalArgumentException("lookup is tables or dayByDay, not " + lookup);
        };
        // Five times of day against a seven-day week, so that every weekday meets every time.
        LocalDate[] days = LocalDate.of(2025, 1, 1).datesUntil(LocalDate.of(2027, 1, 1)).toArray(LocalDate[]::new);
        starts = new Instant[days.length];
        monthLater = new Instant[days.length];
        for (int i = 0; i < days.length; i++) {
            starts[i] = days[i].atTime(TIMES[i % TIMES.length]).atZone(SHANGHAI).toInstant();
            monthLater[i] = days[i].plusMonths(1).atTime(TIMES[(i + 2) % TIMES.length]).atZone(SHANGHAI).toInstant();
        }
    }

    @Benchmark
    public Deadline addTwentyWorkingDays() {
        return calendar.addWorkingDays(starts[advance()], 20);
    }

    /** Liupanshui's special diseases: half a working day, as the review service asks for it. */
    @Benchmark
    public Deadline addHalfAWorkingDay() {
        return calendar.addWorkingDays(starts[advance()], HALF);
    }

    @Benchmark
    public Deadline addFourHoursOfWorkingTime() {
        return calendar.addWorkingTime(starts[advance()], FOUR_HOURS);
    }

    /** What an open case's SLA view shows: working time left until a deadline about a month away. */
    @Benchmark
    public Duration workingTimeOverAMonth() {
        int i = advance();
        return calendar.workingTimeBetween(starts[i], monthLater[i]);
    }

    private int advance() {
        int i = next;
        next = i + 1 == starts.length ? 0 : i + 1;
        return i;
    }

    private static HolidaySchedule national() {
        try (InputStream in = WorkingDayCalendar.class.getResourceAsStream("national-holidays.csv")) {
            return ScheduleFile.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
