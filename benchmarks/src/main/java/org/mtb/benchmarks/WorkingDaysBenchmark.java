package org.mtb.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import org.mtb.calendar.Deadline;
import org.mtb.calendar.ScheduleFile;
import org.mtb.calendar.WorkingDayCalendar;
import org.mtb.calendar.WorkingHours;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/** Issue 3's target: adding 20 working days at 1,000,000 operations per second or more on one core. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class WorkingDaysBenchmark {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private WorkingDayCalendar calendar;
    private Instant[] acceptances;
    private int next;

    @Setup
    public void setUp() {
        try (InputStream in = WorkingDayCalendar.class.getResourceAsStream("national-holidays.csv")) {
            calendar = new WorkingDayCalendar(SHANGHAI, ScheduleFile.read(in), WorkingHours.allYear(
                    new WorkingHours.Period(LocalTime.of(9, 0), LocalTime.of(12, 0)),
                    new WorkingHours.Period(LocalTime.of(13, 30), LocalTime.of(17, 30))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Every day of 2025 and most of 2026, so holidays and 调休 are crossed as often as in real life.
        acceptances = LocalDate.of(2025, 1, 1).datesUntil(LocalDate.of(2026, 11, 1))
                .map(d -> d.atTime(10, 30).atZone(SHANGHAI).toInstant()).toArray(Instant[]::new);
    }

    @Benchmark
    public Deadline addTwentyWorkingDays() {
        Instant accepted = acceptances[next];
        next = next + 1 == acceptances.length ? 0 : next + 1;
        return calendar.addWorkingDays(accepted, 20);
    }
}
