package org.mtb.benchmarks.submissions;

/**
 * How long the warm-up before the phases goes on: at least {@code atLeast} applications, then rounds of
 * {@code round} more while the stack's JIT compilers took {@code quietCores} or more during the last round, up to
 * {@code atMost} applications in all. The 3,000 and no more that every run had before 2026-12-05 left intake
 * compiling: after them and the burst of phase (a), intake's C2 compiler still took 0.4-0.5 cores for the first 15-20 s
 * of phase (b), where most of those runs' 503s came (benchmarks/README.md, "The warm-up and the compilers"). The cap
 * bounds what the warm-up stores, which the stack's memory after the load carries.
 *
 * @param atLeast applications sent before the compilers are looked at ({@code --warm-up})
 * @param round applications sent between two readings of the compilers
 * @param quietCores the stack's compiler cores over a round below which it counts as warm
 * @param atMost applications after which the warm-up ends, warm or not ({@code --warm-up-max})
 */
record WarmUp(int atLeast, int round, double quietCores, int atMost) {

    static final int ROUND = 2_000;
    static final double QUIET_CORES = 0.10;

    WarmUp {
        if (atLeast <= 0 || round <= 0 || !(quietCores >= 0)) {
            throw new IllegalArgumentException("A warm-up needs a first count and rounds above 0 and a threshold of 0"
                    + " cores or more, not %,d, %,d and %s".formatted(atLeast, round, quietCores));
        }
        if (atMost < atLeast) {
            throw new IllegalArgumentException("A warm-up of at least %,d cannot stop at %,d: --warm-up-max must be at"
                    .formatted(atLeast, atMost) + " least --warm-up");
        }
    }

    /**
     * How many to send next after {@code sent} so far, the compilers at {@code compilerCores} over the last round
     * ({@code NaN} when unknown, which counts as at work).
     */
    int next(int sent, double compilerCores) {
        if (sent < atLeast) {
            return atLeast - sent;
        }
        if (warm(compilerCores) || sent >= atMost) {
            return 0;
        }
        return Math.min(round, atMost - sent);
    }

    /** Whether compilers at {@code compilerCores} over a warm-up's last round count as done ({@code NaN}: no). */
    boolean warm(double compilerCores) {
        return compilerCores < quietCores;
    }
}
