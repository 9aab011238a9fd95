package org.mtb.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code StackRunner up|down|status}: runs the whole platform in the foreground until Ctrl-C or
 * {@code down}, which finds the running stack through {@code <dataDir>/stack.pid}. Settings come
 * from {@link StackSettings#fromEnvironment}, with the current directory as the repository root.
 */
public final class StackRunner {

    static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(180);
    /** A part's own stop grace, and what the parts take to write their AOT caches on the first stop after a build. */
    static final Duration DOWN_TIMEOUT = ManagedProcess.CACHE_WRITING_GRACE.plusSeconds(30);
    private static final Duration DOWN_NOTICE_AFTER = Duration.ofSeconds(10);

    private final StackSettings settings;

    StackRunner(StackSettings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) {
        StackRunner runner;
        try {
            runner = new StackRunner(StackSettings.fromEnvironment(Path.of("").toAbsolutePath()));
            CpuScheduling.current(); // MTB_BATCH_SCHEDULED checked with the other settings, before anything starts
        } catch (IllegalArgumentException e) {
            System.out.println(e.getMessage());
            System.exit(2);
            return;
        }
        String command = args.length == 0 ? "help" : args[0];
        int exit = switch (command) {
            case "up" -> runner.up();
            case "down" -> runner.down();
            case "status" -> runner.status();
            default -> {
                System.out.println("usage: StackRunner up|down|status   (data in MTB_DATA_DIR, ports in MTB_*_PORT)");
                yield command.equals("help") ? 0 : 2;
            }
        };
        System.exit(exit);
    }

    int up() {
        Optional<ProcessHandle> other = runningStack();
        if (other.isPresent()) {
            System.out.println("A stack is already running (pid " + other.get().pid() + ", " + settings.pidFile()
                    + "). Stop it with ./mtb down.");
            return 1;
        }
        LocalStack stack = new LocalStack(settings);
        List<Path> missing = stack.missingJars();
        if (!missing.isEmpty()) {
            missing.forEach(jar -> System.out.println("Missing jar: " + jar));
            System.out.println(Preflight.BUILD_HINT + " ./mtb up --build builds and starts in one go.");
            return 1;
        }
        writePidFile();
        // Runs beside LocalStack's own hook; stopAll is synchronized, so the pid file goes only after the last child.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.stopAll();
            deletePidFile();
            System.out.println("Stack stopped.");
        }, "stack-runner-shutdown"));
        System.out.println("Starting the stack, data in " + settings.dataDir() + " ...");
        try {
            stack.startAll();
            stack.awaitAllHealthy(HEALTH_TIMEOUT);
        } catch (StackException e) {
            System.out.println();
            System.out.println("FAILED: " + e.getMessage());
            if (e.logFile() != null) {
                System.out.println("---- last lines of " + e.logFile() + " ----");
                System.out.println(LogTail.of(e.logFile(), 40));
                System.out.println("----");
            }
            stack.stopAll();
            return 1;
        } catch (IllegalStateException | UncheckedIOException e) {
            System.out.println("FAILED: " + e.getMessage());
            stack.stopAll();
            return 1;
        }
        System.out.println();
        System.out.print(StackTable.format(StackTable.rows(settings, false), false));
        System.out.println();
        System.out.println("All up. Ctrl-C here, or ./mtb down elsewhere, stops everything.");
        watch(stack);
        return 0;
    }

    /** Reports a part that dies on its own, once, so a crash does not go unnoticed while the runner idles. */
    private void watch(LocalStack stack) {
        Set<String> reported = new HashSet<>();
        List<String> parts = new ArrayList<>(List.of(LocalStack.MONGO, LocalStack.KAFKA, LocalStack.AUTH));
        parts.addAll(StackSettings.SERVICES);
        while (true) {
            Ports.sleep(Duration.ofSeconds(5));
            for (String part : parts) {
                if (!stack.isRunning(part) && reported.add(part)) {
                    System.out.println(part + " has stopped; see " + stack.logFile(part));
                }
            }
        }
    }

    int down() {
        Optional<ProcessHandle> stack = runningStack();
        if (stack.isEmpty()) {
            System.out.println("No stack is running (no live pid in " + settings.pidFile() + ").");
            return 0;
        }
        ProcessHandle handle = stack.get();
        System.out.println("Stopping the stack (pid " + handle.pid() + ") ...");
        handle.destroy();
        try {
            try {
                handle.onExit().get(DOWN_NOTICE_AFTER.toSeconds(), TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                System.out.println("Still stopping: on the first stop after a build each part also writes its class"
                        + " archive, or with MTB_CLASS_ARCHIVES=aot its AOT cache, which takes a minute or two.");
                handle.onExit().get(DOWN_TIMEOUT.minus(DOWN_NOTICE_AFTER).toSeconds(), TimeUnit.SECONDS);
            }
            System.out.println("Stopped.");
            return 0;
        } catch (TimeoutException e) {
            System.out.println("Still running after " + DOWN_TIMEOUT.toSeconds() + " s; it may be waiting for a"
                    + " child to stop. Try again, or kill -9 " + handle.pid() + ".");
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    int status() {
        Optional<ProcessHandle> stack = runningStack();
        System.out.println(stack.map(h -> "Runner: pid " + h.pid() + " (" + settings.pidFile() + ")")
                .orElse("Runner: not running"));
        System.out.print(StackTable.format(StackTable.rows(settings, true), true));
        return 0;
    }

    /** The runner named in the pid file, if it is still alive and still a runner; a stale file is removed. */
    private Optional<ProcessHandle> runningStack() {
        Path pidFile = settings.pidFile();
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        Optional<ProcessHandle> handle;
        try {
            handle = ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim()));
        } catch (IOException | NumberFormatException e) {
            handle = Optional.empty();
        }
        // A pid can be reused after a crash; only a JVM running this class counts.
        Optional<ProcessHandle> live = handle.filter(ProcessHandle::isAlive).filter(StackRunner::isRunner);
        if (live.isEmpty()) {
            deletePidFile();
        }
        return live;
    }

    private static boolean isRunner(ProcessHandle handle) {
        return handle.info().commandLine().map(line -> line.contains(StackRunner.class.getName())).orElse(true);
    }

    private void writePidFile() {
        try {
            Files.createDirectories(settings.dataDir());
            Files.writeString(settings.pidFile(), ProcessHandle.current().pid() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + settings.pidFile(), e);
        }
    }

    private void deletePidFile() {
        try {
            Files.deleteIfExists(settings.pidFile());
        } catch (IOException e) {
            System.out.println("Cannot remove " + settings.pidFile() + ": " + e.getMessage());
        }
    }
}
