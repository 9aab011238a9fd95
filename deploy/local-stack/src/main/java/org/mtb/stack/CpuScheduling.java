package org.mtb.stack;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Which parts of the local stack Linux runs under its {@code SCHED_BATCH} policy: every part but MongoDB. A batch
 * thread keeps its full share of the cores, but its waking does not take a core from a thread already running. The
 * local MongoDB runs every command of every service on one thread, which each application passes about four times on
 * its way through intake; it is the one part left to the default policy, so that the services' threads, which run in
 * many, do not take a core from it as they wake. Measured in {@code ./mtb bench submissions} with the policy switched
 * every 10-20 s within one run, so that both settings share the machine's moment: with the batch parts Kafka, review,
 * notification, catalog and the authorization server, 15-20 % of the answers at 300 applications/s took over 100 ms
 * against 26-28 % with the default; with intake as well, at 600/s offered, 1,642 answers 503 in twelve 17-s windows
 * against 3,639 in thirteen with intake at the default, and HTTP p99 309 and 183 ms against 402 and 319 ms (the
 * windows' medians of two runs). MongoDB's command thread waited for a core about as long either way (0.30 and 0.34 of
 * a core against 0.33 and 0.34), so why intake refuses fewer is not shown; across runs the machine's moment decides
 * more than either setting (benchmarks/README.md).
 *
 * <p>{@code MTB_BATCH_SCHEDULED} names the parts otherwise (comma separated; {@code none} for none). Where there is no
 * {@code chrt} (not Linux) or it cannot set the policy, every part runs as the system starts it.
 */
final class CpuScheduling {

    static final String VARIABLE = "MTB_BATCH_SCHEDULED";
    static final Set<String> DEFAULT_BATCH_PARTS = Set.of(LocalStack.KAFKA, LocalStack.AUTH, "intake-service",
            "review-service", "notification-service", "catalog-service");

    private static CpuScheduling current;

    private final Set<String> batchParts;
    private final Optional<String> chrt;

    CpuScheduling(Set<String> batchParts, Optional<String> chrt) {
        this.batchParts = Set.copyOf(batchParts);
        this.chrt = chrt;
    }

    /** The parts named by the environment, with {@code chrt} if it works here; found once. */
    static synchronized CpuScheduling current() {
        if (current == null) {
            current = new CpuScheduling(batchParts(System.getenv(VARIABLE)), ChrtProbe.usable());
        }
        return current;
    }

    /** {@code command} as launched for {@code part}: under {@code chrt --batch 0} when it is a batch part. */
    List<String> command(String part, List<String> command) {
        if (chrt.isEmpty() || !batchParts.contains(part)) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of(chrt.get(), "--batch", "0"));
        wrapped.addAll(command);
        return List.copyOf(wrapped);
    }

    /** The parts named by {@code MTB_BATCH_SCHEDULED}'s value, or the default ones when it is unset or blank. */
    static Set<String> batchParts(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_BATCH_PARTS;
        }
        if (value.trim().equalsIgnoreCase("none")) {
            return Set.of();
        }
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(s -> s.toLowerCase(Locale.ROOT)).map(CpuScheduling::partName).collect(Collectors.toSet());
    }

    private static String partName(String name) {
        try {
            return LocalStack.partName(name);
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException(VARIABLE + " names '" + name
                    + "', which is no part of the stack; parts: "
                    + LocalStack.KAFKA + ", " + LocalStack.MONGO + ", " + LocalStack.AUTH + ", "
                    + String.join(", ", StackSettings.SERVICES) + ", or none", unknown);
        }
    }

    /** Finds {@code chrt} on the path and tries it once: a policy it cannot set would stop a part from starting. */
    static final class ChrtProbe {

        private ChrtProbe() {
        }

        static Optional<String> usable() {
            if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
                return Optional.empty();
            }
            return onPath("chrt").filter(ChrtProbe::setsBatch);
        }

        static Optional<String> onPath(String program) {
            String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
            return Arrays.stream(path.split(File.pathSeparator)).filter(dir -> !dir.isEmpty())
                    .map(dir -> Path.of(dir, program)).filter(Files::isExecutable).map(Path::toString).findFirst();
        }

        private static boolean setsBatch(String chrt) {
            try {
                Process probe = new ProcessBuilder(chrt, "--batch", "0", "true")
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                return probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
