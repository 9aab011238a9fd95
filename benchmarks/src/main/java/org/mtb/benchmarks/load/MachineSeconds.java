package org.mtb.benchmarks.load;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * What the whole machine's cores did over a load phase ({@link MachineTime}), and what the host of this virtual machine
 * took of them in each second of it, read on a thread of its own: a phase's report names the seconds of the host's
 * largest takes, to be seen beside the seconds with the most slow answers. One read of {@code /proc/stat} a second;
 * where there is none, the report says "unknown".
 */
public final class MachineSeconds implements AutoCloseable {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final int LARGEST_TAKES = 3;
    /** Below this, a second's steal is the host's usual crumbs, not a take worth naming. */
    private static final double NAMED_STEAL_CORES = 0.10;

    /** The cores the host took in the second ending at {@code end}. */
    record Second(Instant end, double steal) {
    }

    private final Optional<MachineTime> first = MachineTime.now();
    private final long startNanos = System.nanoTime();
    private final List<Second> seconds = new ArrayList<>();
    private final Thread reader;
    private volatile boolean running = true;

    private MachineSeconds() {
        reader = Thread.ofPlatform().daemon().name("machine-seconds").unstarted(this::read);
    }

    /** Starts reading the machine's time each second, until {@link #close}. */
    public static MachineSeconds start() {
        MachineSeconds watch = new MachineSeconds();
        watch.reader.start();
        return watch;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        reader.interrupt();
        reader.join(TimeUnit.SECONDS.toMillis(2));
    }

    /**
     * For a report line, from the start until now: the machine's cores of each kind on average, then the seconds in
     * which the host took the most of them ({@link #describe}).
     */
    public String summary() {
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        List<Second> read;
        synchronized (seconds) {
            read = List.copyOf(seconds);
        }
        return describe(MachineTime.line(first, MachineTime.now(), elapsed), read);
    }

    /**
     * {@code average}, then the (at most three) seconds in which the host took {@value #NAMED_STEAL_CORES} cores or
     * more, the largest first, each named by the clock at its end: {@code ...; the host took most at 15:42:05 (0.60
     * cores), 15:42:03 (0.60 cores), 15:42:02 (0.56 cores) (UTC)}; or {@code ...; in no second did the host take 0.10
     * cores or more}.
     */
    static String describe(String average, List<Second> seconds) {
        if (seconds.isEmpty()) {
            return average;
        }
        List<Second> takes = seconds.stream().filter(second -> second.steal() >= NAMED_STEAL_CORES)
                .sorted(Comparator.comparingDouble(Second::steal).reversed()).limit(LARGEST_TAKES).toList();
        if (takes.isEmpty()) {
            return average + "; in no second did the host take %.2f cores or more".formatted(NAMED_STEAL_CORES);
        }
        return average + "; the host took most at " + takes.stream()
                .map(second -> "%s (%.2f cores)".formatted(CLOCK.format(second.end()), second.steal()))
                .collect(Collectors.joining(", ")) + " (UTC)";
    }

    private void read() {
        Optional<MachineTime> previous = first;
        long previousNanos = startNanos;
        while (running) {
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                return;
            }
            Optional<MachineTime> now = MachineTime.now();
            long nowNanos = System.nanoTime();
            if (previous.isPresent() && now.isPresent()) {
                Second second = new Second(Instant.now(), MachineTime.cores(now.get().steal() - previous.get().steal(),
                        (nowNanos - previousNanos) / 1e9));
                synchronized (seconds) {
                    seconds.add(second);
                }
            }
            previous = now;
            previousNanos = nowNanos;
        }
    }
}
