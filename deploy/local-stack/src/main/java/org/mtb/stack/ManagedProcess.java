package org.mtb.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One child process of the stack, its output appended to its own log file. */
final class ManagedProcess {

    static final Duration STOP_GRACE = Duration.ofSeconds(20);
    /**
     * For a JVM that may write its class archive or AOT cache as it stops ({@link ExtractedJars}): the four services and
     * the authorization server writing their AOT caches side by side took about 90 s on the 2-core machine, and intake
     * alone more than 20 s to write its archive at the machine's slowest hour.
     */
    static final Duration CACHE_WRITING_GRACE = Duration.ofSeconds(180);

    private final String name;
    private final Path logFile;
    private final Process process;
    private final Duration stopGrace;

    private ManagedProcess(String name, Path logFile, Process process, Duration stopGrace) {
        this.name = name;
        this.logFile = logFile;
        this.process = process;
        this.stopGrace = stopGrace;
    }

    static ManagedProcess start(String name, List<String> command, Map<String, String> environment, Path logFile) {
        return start(name, command, environment, logFile, STOP_GRACE);
    }

    /** As {@link #start(String, List, Map, Path)}, given {@code stopGrace} to stop before it is killed. */
    static ManagedProcess start(String name, List<String> command, Map<String, String> environment, Path logFile,
            Duration stopGrace) {
        List<String> launched = CpuScheduling.current().command(name, command);
        try {
            Files.createDirectories(logFile.getParent());
            ProcessBuilder builder = new ProcessBuilder(launched)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            JavaCommand.ENVIRONMENT.forEach(builder.environment()::putIfAbsent);
            builder.environment().putAll(environment);
            // A marker per start, so the log of a restarted part shows where the latest run begins.
            Files.writeString(logFile, "%n==== %s: %s%n".formatted(Instant.now(), String.join(" ", launched)),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            return new ManagedProcess(name, logFile, builder.start(), stopGrace);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name + ": " + String.join(" ", launched), e);
        }
    }

    String name() {
        return name;
    }

    Path logFile() {
        return logFile;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The exit code, or -1 while it still runs. */
    int exitValue() {
        return process.isAlive() ? -1 : process.exitValue();
    }

    /**
     * Waits for a short-lived tool to finish; returns its exit code. A tool still running after {@code timeout}, or
     * when the waiting thread is interrupted (the stack is being stopped), is stopped: nobody will read its result.
     */
    int await(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                stop();
                throw new StackException(name, logFile, name + " did not finish within " + timeout.toSeconds() + " s");
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            kill();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + name, e);
        }
    }

    /**
     * SIGTERM first so Kafka can close its logs and H2 its store; SIGKILL only after the grace
     * period, since a half-written store is worse than a slow stop.
     */
    void stop() {
        if (!process.isAlive()) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(stopGrace.toMillis(), TimeUnit.MILLISECONDS)) {
                kill().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** SIGKILL to the process and everything it started; answers the process, to wait for. */
    private Process kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        return process.destroyForcibly();
    }

    @Override
    public String toString() {
        return name + " (pid " + pid() + ")";
    }
}
