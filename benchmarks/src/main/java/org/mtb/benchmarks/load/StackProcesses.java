package org.mtb.benchmarks.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.mtb.stack.LocalStack;
import org.mtb.stack.StackSettings;

/** The processes of a {@link LocalStack} seen from outside: their resident memory, and a kill without warning. */
public final class StackProcesses {

    /** The line of this benchmark's own JVM, beside the stack's parts. */
    private static final String BENCHMARK_JVM = "benchmark JVM";

    private StackProcesses() {
    }

    /**
     * One line per running part ({@code mongo 312 MB}), then this benchmark's own JVM and the stack's total. Resident
     * memory from {@code /proc/<pid>/status}, so Linux only; elsewhere each part reads "unknown".
     */
    public static List<String> memory(LocalStack stack) {
        List<String> parts = parts();
        List<String> lines = new ArrayList<>();
        long total = 0;
        for (String part : parts) {
            if (stack.isRunning(part)) {
                long kb = residentKb(stack.pid(part));
                total += Math.max(0, kb);
                lines.add("%-22s %s".formatted(part, megabytes(kb)));
            }
        }
        lines.add("%-22s %s".formatted("stack total", megabytes(total)));
        lines.add("%-22s %s".formatted(BENCHMARK_JVM, megabytes(residentKb(ProcessHandle.current().pid()))));
        return lines;
    }

    /** The stack's parts, in the order the lines give them: MongoDB, Kafka, the authorization server, the services. */
    static List<String> parts() {
        List<String> parts = new ArrayList<>(List.of(LocalStack.MONGO, LocalStack.KAFKA, LocalStack.AUTH));
        parts.addAll(StackSettings.SERVICES);
        return parts;
    }

    /**
     * The CPU time each running part and this benchmark's JVM have used so far, in seconds (user and system, from
     * {@code /proc/<pid>/stat} at Linux's usual 100 ticks a second); empty where it cannot be read.
     */
    public static Map<String, Double> cpuSeconds(LocalStack stack) {
        Map<String, Double> seconds = secondsOfRunningParts(stack, StackProcesses::cpuTicks);
        cpuTicks(ProcessHandle.current().pid())
                .ifPresent(ticks -> seconds.put(BENCHMARK_JVM, ticks / MachineTime.TICKS_PER_SECOND));
        return seconds;
    }

    /**
     * One line per part: the cores it kept busy on average between two {@link #cpuSeconds} readings
     * {@code seconds} apart, then the total.
     */
    public static List<String> cpuLines(Map<String, Double> before, Map<String, Double> after, double seconds) {
        return cpuLines(before, after, seconds, 0);
    }

    /**
     * As {@link #cpuLines(Map, Map, double)}, each line also giving the CPU time a part spent per unit of work done
     * meanwhile ({@code units}, such as accepted applications; none when 0), its idle work included: the figure to
     * compare between runs at the same offered rate, where the cores alone say little once the machine is full.
     */
    public static List<String> cpuLines(Map<String, Double> before, Map<String, Double> after, double seconds,
            long units) {
        List<String> lines = new ArrayList<>();
        double total = 0;
        for (Map.Entry<String, Double> part : cores(before, after, seconds).entrySet()) {
            total += part.getValue();
            lines.add("%-22s %.2f cores%s".formatted(part.getKey(), part.getValue(),
                    perUnit(part.getValue(), seconds, units)));
        }
        lines.add("%-22s %.2f cores of %d%s".formatted("total", total, Runtime.getRuntime().availableProcessors(),
                perUnit(total, seconds, units)));
        return lines;
    }

    /**
     * The CPU time the JIT compilers' threads of each running part and of this benchmark's JVM have used so far, in
     * seconds (threads named {@code C1 CompilerThread...} and {@code C2 CompilerThread...} in
     * {@code /proc/<pid>/task}); empty where it cannot be read. A service whose compilers are still at work during a
     * phase was measured before it was warm; the benchmark's own take cores the stack it measures would have used.
     */
    public static Map<String, Double> compilerSeconds(LocalStack stack) {
        Map<String, Double> seconds = secondsOfRunningParts(stack, StackProcesses::compilerTicks);
        compilerTicks(ProcessHandle.current().pid())
                .ifPresent(ticks -> seconds.put(BENCHMARK_JVM, ticks / MachineTime.TICKS_PER_SECOND));
        return seconds;
    }

    /** Ticks read per running part's process, as seconds at Linux's usual 100 ticks a second. */
    private static Map<String, Double> secondsOfRunningParts(LocalStack stack,
            java.util.function.LongFunction<java.util.Optional<Long>> ticksOfPid) {
        Map<String, Double> seconds = new java.util.LinkedHashMap<>();
        runningPids(stack).forEach((part, pid) -> ticksOfPid.apply(pid)
                .ifPresent(ticks -> seconds.put(part, ticks / MachineTime.TICKS_PER_SECOND)));
        return seconds;
    }

    /** The process id of each running part, in the order of {@link #parts()}. */
    static Map<String, Long> runningPids(LocalStack stack) {
        Map<String, Long> pids = new java.util.LinkedHashMap<>();
        for (String part : parts()) {
            if (stack.isRunning(part)) {
                pids.put(part, stack.pid(part));
            }
        }
        return pids;
    }

    /** One line: the cores each part's JIT compilers kept busy between two {@link #compilerSeconds} readings. */
    public static String compilerLine(Map<String, Double> before, Map<String, Double> after, double seconds) {
        List<String> parts = cores(before, after, seconds).entrySet().stream()
                .map(part -> "%s %.2f".formatted(part.getKey(), part.getValue())).toList();
        return parts.isEmpty() ? "unknown" : String.join(", ", parts) + " cores";
    }

    /**
     * The cores each part kept busy between two readings of its CPU seconds {@code seconds} apart, in the order of
     * {@code after}; a part missing from {@code before}, or whose time went back (a restarted process), is left out.
     */
    private static Map<String, Double> cores(Map<String, Double> before, Map<String, Double> after, double seconds) {
        Map<String, Double> cores = new java.util.LinkedHashMap<>();
        after.forEach((part, end) -> {
            Double start = before.get(part);
            if (start != null && end >= start) {
                cores.put(part, (end - start) / seconds);
            }
        });
        return cores;
    }

    /**
     * The cores the stack's JIT compilers took, all parts together, between two {@link #compilerSeconds} readings
     * {@code seconds} apart, this benchmark's own left out; {@code NaN}, unknown, when no part could be read, or when a
     * part was not read both times or its time went back (a restarted process, a compiler thread the JVM let go).
     */
    public static double stackCompilerCores(Map<String, Double> before, Map<String, Double> after, double seconds) {
        double total = 0;
        int parts = 0;
        for (Map.Entry<String, Double> part : after.entrySet()) {
            if (part.getKey().equals(BENCHMARK_JVM)) {
                continue;
            }
            Double start = before.get(part.getKey());
            if (start == null || part.getValue() < start) {
                return Double.NaN;
            }
            total += part.getValue() - start;
            parts++;
        }
        return parts == 0 ? Double.NaN : total / seconds;
    }

    static java.util.Optional<Long> compilerTicks(long pid) {
        try (java.util.stream.Stream<Path> tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            long ticks = 0;
            for (Path task : tasks.toList()) {
                String name = readOrEmpty(task.resolve("comm")).strip();
                if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
                    ticks += cpuTicks(task.resolve("stat")).orElse(0L);
                }
            }
            return java.util.Optional.of(ticks);
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    private static String readOrEmpty(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            // The thread ended between the listing and the read.
            return "";
        }
    }

    private static String perUnit(double cores, double seconds, long units) {
        return units <= 0 ? "" : ", %.2f ms CPU each".formatted(cores * seconds * 1000 / units);
    }

    private static java.util.Optional<Long> cpuTicks(long pid) {
        return cpuTicks(Path.of("/proc/" + pid + "/stat"));
    }

    /** User and system ticks from a process's or a thread's {@code stat} file. */
    private static java.util.Optional<Long> cpuTicks(Path statFile) {
        try {
            String stat = Files.readString(statFile);
            // The command name in brackets may hold spaces: fields are counted after its closing bracket.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return java.util.Optional.of(Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    /** VmRSS of a process in kB, or -1 when it cannot be read. */
    public static long residentKb(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                    .filter(l -> l.startsWith("VmRSS:"))
                    .map(l -> l.replaceAll("\\D", ""))
                    .filter(digits -> !digits.isEmpty())
                    .mapToLong(Long::parseLong).findFirst().orElse(-1);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * SIGKILL, as a crash or an OOM killer would: no shutdown hook, no graceful shutdown, nothing flushed. Returns
     * once the process is gone, so that its port is free for a restart.
     */
    public static long killHard(LocalStack stack, String part) throws InterruptedException {
        long pid = stack.pid(part);
        ProcessHandle process = ProcessHandle.of(pid)
                .orElseThrow(() -> new IllegalStateException(part + " (pid " + pid + ") is already gone"));
        if (!process.destroyForcibly()) {
            throw new IllegalStateException("Could not kill " + part + " (pid " + pid + ")");
        }
        try {
            process.onExit().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(part + " (pid " + pid + ") still runs 30 s after SIGKILL", e);
        }
        return pid;
    }

    /** Starts a killed service again on its port and waits until it is healthy; answers how long that took. */
    public static Duration restart(LocalStack stack, String service, Map<String, String> environment,
            Duration timeout) {
        long start = System.nanoTime();
        stack.startService(service, environment);
        stack.awaitHealthy(service, timeout);
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private static String megabytes(long kb) {
        return kb < 0 ? "unknown" : "%,d MB".formatted(kb / 1024);
    }
}
