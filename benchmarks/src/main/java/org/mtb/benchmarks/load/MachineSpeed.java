package org.mtb.benchmarks.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.SplittableRandom;

/**
 * How fast this machine is at the moment, on one core: the time to hash a fixed amount of data with SHA-256, the best
 * of a few rounds, and the time a read of memory takes at a random place of 64 MB (far past any cache). The 2-core
 * machine the benchmarks run on is a virtual machine whose speed drifts by half within an hour; printed at a run's
 * start and end, this tells whether two runs can be compared. The hash stays in the core's cache; the services, their
 * collectors and MongoDB's pages do not, and at the machine's slow hours they slowed far more than the hash did (the
 * stack took a seventh of what it took at a fast hour while the hash took 1.4 times as long), hence the second figure.
 */
public final class MachineSpeed {

    private static final int CHUNK = 1024 * 1024;
    private static final int ROUNDS = 3;
    /** What the load benchmarks hash at a run's start and end: 0.3 s a round on the 2-core machine. */
    private static final int RUN_PROBE_MB = 512;
    /** The memory a read lands in at random: 16 M ints, 64 MB. */
    private static final int MEMORY_INTS = 1 << 24;
    private static final int MEMORY_READS = 4_000_000;
    /** Where the reads ended: kept so that the compiler cannot drop them. */
    @SuppressWarnings("unused")
    private static volatile int lastPlaceRead;

    private MachineSpeed() {
    }

    /**
     * One probe.
     *
     * @param megabytes what each round hashed
     * @param bestMillis the fastest round
     * @param memoryReadNanos a dependent read at a random place of 64 MB, the fastest round; 0 when not measured
     */
    public record Probe(int megabytes, double bestMillis, double memoryReadNanos) {

        /**
         * For a report line: {@code 64 MB SHA-256 on one core in 212 ms, a random read of memory 95 ns (best of 3)}.
         */
        public String describe() {
            String memory = memoryReadNanos > 0 ? ", a random read of memory %.0f ns".formatted(memoryReadNanos) : "";
            return "%d MB SHA-256 on one core in %.0f ms%s (best of %d); compare runs only at similar figures"
                    .formatted(megabytes, bestMillis, memory, ROUNDS);
        }
    }

    /**
     * The probe the load benchmarks print at a run's start and end, all of the same size so they compare; taken in a
     * JVM of its own with the JDK's default compilers ({@link #inOwnJvm}), whatever this one's options.
     */
    public static Probe ofRun() {
        return inOwnJvm(RUN_PROBE_MB);
    }

    /**
     * {@link #probe} in a new JVM of this JDK with no options but the class path. The load benchmarks' own JVM runs
     * with the C1 compiler only, which leaves SHA-256 to plain Java code: a dozen times slower, and no measure of the
     * machine comparable with the runs before.
     */
    static Probe inOwnJvm(int megabytes) {
        String java = ProcessHandle.current().info().command().orElse(
                Path.of(System.getProperty("java.home"), "bin", "java").toString());
        try {
            Process probe = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    MachineSpeed.class.getName(), String.valueOf(megabytes)).redirectErrorStream(true).start();
            String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (probe.waitFor() != 0) {
                throw new IllegalStateException("The machine's probe failed: " + output);
            }
            String[] figures = output.substring(output.lastIndexOf('\n') + 1).split(" ");
            return new Probe(Integer.parseInt(figures[0]), Double.parseDouble(figures[1]),
                    Double.parseDouble(figures[2]));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start a JVM for the machine's probe", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while probing the machine", e);
        }
    }

    /** Probes {@code args[0]} MB and prints the megabytes, the best round's milliseconds and a read's nanoseconds. */
    public static void main(String[] args) {
        Probe probe = probe(Integer.parseInt(args[0]));
        System.out.println(probe.megabytes() + " " + probe.bestMillis() + " " + probe.memoryReadNanos());
    }

    /**
     * Hashes {@code megabytes} once to warm up, then {@value #ROUNDS} times, and keeps the fastest; then times reads
     * of memory the same way ({@link #memoryReadNanos()}).
     */
    public static Probe probe(int megabytes) {
        byte[] chunk = new byte[CHUNK];
        for (int i = 0; i < chunk.length; i++) {
            chunk[i] = (byte) (i * 31);
        }
        hash(chunk, megabytes);
        double best = Double.MAX_VALUE;
        for (int round = 0; round < ROUNDS; round++) {
            long start = System.nanoTime();
            hash(chunk, megabytes);
            best = Math.min(best, (System.nanoTime() - start) / 1e6);
        }
        return new Probe(megabytes, best, memoryReadNanos());
    }

    /**
     * Follows a single cycle through 64 MB of ints, each read naming the next (Sattolo's shuffle), so that every read
     * waits for the one before and lands where no cache or prefetch has it: the latency of memory, as a service's
     * pointer-heavy heap and a collector copying it feel it.
     */
    static double memoryReadNanos() {
        int[] next = new int[MEMORY_INTS];
        for (int i = 0; i < next.length; i++) {
            next[i] = i;
        }
        SplittableRandom random = new SplittableRandom(42);
        for (int i = next.length - 1; i > 0; i--) {
            int j = random.nextInt(i);
            int swapped = next[i];
            next[i] = next[j];
            next[j] = swapped;
        }
        double best = Double.MAX_VALUE;
        int at = 0;
        for (int round = 0; round <= ROUNDS; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < MEMORY_READS; i++) {
                at = next[at];
            }
            double nanos = (System.nanoTime() - start) / (double) MEMORY_READS;
            if (round > 0) {
                best = Math.min(best, nanos);
            }
        }
        lastPlaceRead = at;
        return best;
    }

    private static byte[] hash(byte[] chunk, int megabytes) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (int i = 0; i < megabytes; i++) {
                sha.update(chunk);
            }
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
