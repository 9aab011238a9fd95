package org.mtb.benchmarks.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.mtb.stack.LocalStack;

/**
 * What a benchmark run that failed leaves to explain itself, taken before the stack stops: which parts were no longer
 * running, with the end of their logs, and a thread dump of each part still running, written beside its log. A burst
 * that stalled (on 2026-12-02 one run's burst got no application accepted for ten minutes after 3,447 and left
 * nothing to say why) then shows whether a part had died or where its threads waited.
 */
public final class FailedRunEvidence {

    private static final int LOG_LINES = 20;
    private static final long DUMP_TIMEOUT_SECONDS = 30;

    private FailedRunEvidence() {
    }

    /**
     * Reports, through {@code report}, where the stack's logs are, then a line per part started: where a running
     * part's thread dump went, or the end of the log of one that had stopped; last, where the dump of the load's own
     * JVM went.
     */
    public static void keep(LocalStack stack, Consumer<String> report) {
        report.accept("the logs are in " + stack.settings().logsDir() + " (the next run deletes them)");
        for (String part : StackProcesses.parts()) {
            long pid;
            try {
                // One look at the process: a part that ends between two looks must not make this throw instead.
                pid = stack.pid(part);
            } catch (IllegalStateException notRunning) {
                // A part that has a log but no process had started and stopped; one without a log was never started.
                if (Files.isRegularFile(stack.logFile(part))) {
                    report.accept(part + " was not running; the end of its log:" + System.lineSeparator()
                            + stack.logTail(part, LOG_LINES));
                }
                continue;
            }
            Path dump = stack.logFile(part).resolveSibling(part + "-threads.txt");
            report.accept(part + " was running (pid " + pid + "); " + threadDump(pid, dump));
        }
        // The load's own workers too: a stall may be theirs, not the stack's.
        long self = ProcessHandle.current().pid();
        report.accept("the load's own JVM (pid " + self + "): "
                + threadDump(self, stack.settings().logsDir().resolve("benchmark-threads.txt")));
    }

    /** Writes {@code jcmd <pid> Thread.print} to {@code file}; answers where it went or why it did not. */
    static String threadDump(long pid, Path file) {
        Path jcmd = jcmd();
        if (!Files.isExecutable(jcmd)) {
            return "no thread dump: " + jcmd + " is not there";
        }
        try {
            Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "Thread.print")
                    .redirectErrorStream(true).redirectOutput(file.toFile()).start();
            if (!process.waitFor(DUMP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return "no thread dump: jcmd did not finish within " + DUMP_TIMEOUT_SECONDS + " s";
            }
            return process.exitValue() == 0 ? "its threads are in " + file
                    : "no thread dump: jcmd exited with " + process.exitValue() + ", see " + file;
        } catch (IOException e) {
            return "no thread dump: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "no thread dump: interrupted";
        }
    }

    /** The {@code jcmd} beside this JVM's {@code java}: the JDK that runs the benchmarks runs the stack too. */
    private static Path jcmd() {
        Path java = ProcessHandle.current().info().command().map(Path::of)
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java"));
        return java.resolveSibling("jcmd");
    }
}
