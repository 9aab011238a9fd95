package org.mtb.benchmarks.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The whole machine's time by what its cores did, from the first line of {@code /proc/stat} (Linux's usual 100 ticks a
 * second): what the parts' own CPU ({@link StackProcesses#cpuLines}) leaves out. The kernel's interrupts, processes
 * that are no part of the stack, cores left idle while answers were slow, waits for the disk, and the time the host of
 * a virtual machine ran something else on its cores ({@code steal}): a phase whose parts add up to well under the
 * machine's cores, with slow answers, is told apart by it from one the stack itself held up.
 *
 * @param busy ticks in user and kernel code, interrupts included, of any process
 * @param idle ticks with nothing to run, waits for the disk apart
 * @param ioWait ticks idle while a read or write of a disk was under way
 * @param steal ticks the host took from this virtual machine; 0 on a machine of its own
 */
public record MachineTime(long busy, long idle, long ioWait, long steal) {

    private static final Path STAT = Path.of("/proc/stat");
    /** Linux's usual clock ticks a second ({@code USER_HZ}), in which {@code /proc} counts CPU time. */
    static final double TICKS_PER_SECOND = 100.0;

    /** The machine's time until now; empty where there is no {@code /proc/stat} or it does not read as expected. */
    public static Optional<MachineTime> now() {
        try {
            return parse(Files.readAllLines(STAT).getFirst());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Reads the summary line, {@code cpu  user nice system idle iowait irq softirq steal ...}; a kernel too old to
     * count {@code steal} counts none.
     */
    static Optional<MachineTime> parse(String firstLine) {
        String[] fields = firstLine.trim().split("\\s+");
        if (fields.length < 8 || !fields[0].equals("cpu")) {
            return Optional.empty();
        }
        try {
            long user = Long.parseLong(fields[1]);
            long nice = Long.parseLong(fields[2]);
            long system = Long.parseLong(fields[3]);
            long idle = Long.parseLong(fields[4]);
            long ioWait = Long.parseLong(fields[5]);
            long irq = Long.parseLong(fields[6]);
            long softIrq = Long.parseLong(fields[7]);
            long steal = fields.length > 8 ? Long.parseLong(fields[8]) : 0;
            return Optional.of(new MachineTime(user + nice + system + irq + softIrq, idle, ioWait, steal));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * For a report line, the cores of each kind between two readings {@code seconds} apart: {@code 1.93 cores busy
     * (the stack, the kernel and anything else), 0.05 idle, 0.00 waiting for the disk, 0.02 taken by the host
     * (steal)}; "unknown" when either reading is missing.
     */
    public static String line(Optional<MachineTime> before, Optional<MachineTime> after, double seconds) {
        if (before.isEmpty() || after.isEmpty() || seconds <= 0) {
            return "unknown (no /proc/stat here)";
        }
        MachineTime from = before.get();
        MachineTime to = after.get();
        return "%.2f cores busy (the stack, the kernel and anything else), %.2f idle, %.2f waiting for the disk,"
                .formatted(cores(to.busy - from.busy, seconds), cores(to.idle - from.idle, seconds),
                        cores(to.ioWait - from.ioWait, seconds))
                + " %.2f taken by the host (steal)".formatted(cores(to.steal - from.steal, seconds));
    }

    static double cores(long ticks, double seconds) {
        return ticks / TICKS_PER_SECOND / seconds;
    }
}
