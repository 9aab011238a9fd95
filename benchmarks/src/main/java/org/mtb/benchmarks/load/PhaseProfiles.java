package org.mtb.benchmarks.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.mtb.stack.LocalStack;

/**
 * A JFR recording ({@code settings=profile}) of every running part of the stack for the length of one phase, started
 * and stopped from outside with each part's own {@code jcmd}, one file a part: {@code <phase>-<part>.jfr}. Read one
 * with {@code jfr view hot-methods <file>} or {@code jfr print --events jdk.ExecutionSample <file>}. The recording
 * costs the parts CPU: a profiled phase's figures compare with no other run. A recording holds its JVM's environment
 * and system properties too (JFR's initial events), keys among them.
 */
public final class PhaseProfiles implements AutoCloseable {

    private static final long JCMD_TIMEOUT_SECONDS = 30;

    private final String name;
    private final Map<String, Long> recording = new LinkedHashMap<>();
    private final Map<String, Path> files = new LinkedHashMap<>();
    private final List<String> failures = new ArrayList<>();

    private PhaseProfiles(String name) {
        this.name = name;
    }

    /** Starts a recording in every running part of the stack; those it cannot start are named by {@link #close}. */
    public static PhaseProfiles start(LocalStack stack, String phase, Path directory) throws IOException {
        return start(StackProcesses.runningPids(stack), phase, directory);
    }

    /** Starts a recording in each of these processes, by their part's name. */
    static PhaseProfiles start(Map<String, Long> pids, String phase, Path directory) throws IOException {
        Files.createDirectories(directory);
        PhaseProfiles profiles = new PhaseProfiles("mtb-" + phase);
        for (Map.Entry<String, Long> part : pids.entrySet()) {
            Path file = directory.resolve(phase + "-" + part.getKey() + ".jfr").toAbsolutePath();
            Files.deleteIfExists(file);
            String answer = jcmd(part.getValue(), "JFR.start", "name=" + profiles.name, "settings=profile",
                    "filename=" + file);
            if (answer == null) {
                profiles.recording.put(part.getKey(), part.getValue());
                profiles.files.put(part.getKey(), file);
            } else {
                profiles.failures.add(part.getKey() + ": " + answer);
            }
        }
        return profiles;
    }

    /** The files written, by part; a part whose recording could not be started or stopped has none. */
    public Map<String, Path> files() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(files));
    }

    /** What could not be recorded, by part; empty when every part was. */
    public List<String> failures() {
        return List.copyOf(failures);
    }

    /** Stops every recording, which writes its file. */
    @Override
    public void close() {
        recording.forEach((part, pid) -> {
            String answer = jcmd(pid, "JFR.stop", "name=" + name);
            if (answer != null || !Files.isRegularFile(files.get(part))) {
                files.remove(part);
                failures.add(part + ": " + (answer != null ? answer : "no file written"));
            }
        });
        recording.clear();
    }

    /**
     * Runs the {@code jcmd} of the JDK the process runs on (its {@code /proc/<pid>/exe}; this JVM's own elsewhere);
     * answers null when it succeeded, else what went wrong.
     */
    private static String jcmd(long pid, String... command) {
        List<String> line = new ArrayList<>(List.of(jcmdOf(pid).toString(), Long.toString(pid)));
        line.addAll(List.of(command));
        try {
            Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
            // jcmd answers in a few lines, well within the pipe's buffer: read once it has ended.
            if (!process.waitFor(JCMD_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return "jcmd did not answer within " + JCMD_TIMEOUT_SECONDS + " s";
            }
            String output = new String(process.getInputStream().readAllBytes()).strip();
            boolean refused = output.contains("Exception") || output.contains("Could not");
            return process.exitValue() == 0 && !refused ? null : "jcmd " + command[0] + ": " + output;
        } catch (IOException e) {
            return "jcmd could not run: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static Path jcmdOf(long pid) {
        try {
            Path java = Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "exe"));
            Path jcmd = java.resolveSibling("jcmd");
            if (Files.isExecutable(jcmd)) {
                return jcmd;
            }
        } catch (IOException | UnsupportedOperationException e) {
            // Not Linux, or not ours to read: this JVM's own jcmd below.
        }
        return Path.of(System.getProperty("java.home"), "bin", "jcmd");
    }
}
