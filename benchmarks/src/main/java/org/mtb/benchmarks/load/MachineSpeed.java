package org.mtb.benchmarks.load;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * How fast this machine is at the moment, on one core: the time to hash a fixed amount of data with SHA-256, the best
 * of a few rounds. The 2-core machine the benchmarks run on is a virtual machine whose speed drifts by half within an
 * hour; printed at a run's start and end, this tells whether two runs can be compared.
 */
public final class MachineSpeed {

    private static final int CHUNK = 1024 * 1024;
    private static final int ROUNDS = 3;
    /** What the load benchmarks hash at a run's start and end: 0.3 s a round on the 2-core machine. */
    private static final int RUN_PROBE_MB = 512;

    private MachineSpeed() {
    }

    /**
     * One probe.
     *
     * @param megabytes what each round hashed
     * @param bestMillis the fastest round
     */
    public record Probe(int megabytes, double bestMillis) {

        /** For a report line: {@code 64 MB SHA-256 on one core in 212 ms (best of 3)}. */
        public String describe() {
            return "%d MB SHA-256 on one core in %.0f ms (best of %d); compare runs only at similar figures"
                    .formatted(megabytes, bestMillis, ROUNDS);
        }
    }

    /** The probe the load benchmarks print at a run's start and end, all of the same size so they compare. */
    public static Probe ofRun() {
        return probe(RUN_PROBE_MB);
    }

    /** Hashes {@code megabytes} once to warm up, then {@value #ROUNDS} times, and keeps the fastest. */
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
        return new Probe(megabytes, best);
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
