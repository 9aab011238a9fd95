package org.mtb.benchmarks.submissions;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The options of {@code ./mtb bench submissions}.
 *
 * @param warmUp applications the warm-up (16 workers) sends before it looks at the stack's JIT compilers; more
 *               follow while they are at work, up to {@code warmUpMax} ({@link WarmUp})
 * @param warmUpMax applications after which the warm-up ends even while the compilers are still at work; unless
 *                  given, 20,000, or {@code warmUp} if that is more
 * @param phases letters of the phases to run: {@code a} burst, {@code b} sustained rate, {@code c} latency at 300/s,
 *               {@code d} kill mid-burst, {@code e} MongoDB commands per application (measured around b),
 *               {@code f} bare insertOne loop
 * @param profiled letters of the load phases ({@code a}, {@code b}, {@code c}) during which every part of the stack is
 *               recorded with JFR ({@code PhaseProfiles}); none unless asked for, since the recording costs CPU
 */
record BenchmarkOptions(int burst, int concurrency, int rate, int seconds, int warmUp, int warmUpMax, boolean kill,
        Set<String> phases, Set<String> profiled) {

    /**
     * The longest phase (b) taken: its requests are made and signed before it starts, and intake takes a channel's
     * signature up to 5 minutes old ({@code mtb.security.signature-window}), so a phase of 300 s ended in 401s.
     */
    static final int MAX_SECONDS = 270;
    static final String USAGE = "usage: SubmissionBenchmark [--burst 10000] [--concurrency 32] [--rate 600]"
            + " [--seconds 60] [--warm-up 3000] [--warm-up-max 20000] [--no-kill] [--phases a,b,c,d,e,f]"
            + " [--profile a,b,c]";
    /**
     * The warm-up's cap unless told otherwise. Intake's compilers were quiet after 27,000 applications in one run, not
     * yet at 20,000 in another; at the slow hour phase (b) took 454-559/s after warm-ups of 9,000-30,000 and 428-447/s
     * after the 3,000 every run had before (benchmarks/README.md, "The warm-up and the compilers"). The stack's memory
     * carries what the warm-up stores: 2,024-2,053 MB before the kill after warm-ups of 11,000-27,000, once over 2 GiB;
     * {@code --warm-up-max 3000} measures the memory after the load alone.
     */
    private static final int DEFAULT_WARM_UP_MAX = 20_000;
    private static final List<String> ALL_PHASES = List.of("a", "b", "c", "d", "e", "f");
    private static final List<String> LOAD_PHASES = List.of("a", "b", "c");

    static BenchmarkOptions parse(String[] args) {
        int burst = 10_000;
        int concurrency = 32;
        int rate = 600;
        int seconds = 60;
        int warmUp = 3_000;
        Integer warmUpMax = null;
        boolean kill = true;
        Set<String> phases = new LinkedHashSet<>(ALL_PHASES);
        Set<String> profiled = Set.of();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (name.equals("--no-kill")) {
                kill = false;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("Missing value of " + name + ". " + USAGE);
            }
            String value = args[++i];
            switch (name) {
                case "--burst" -> burst = positive(name, value);
                case "--concurrency" -> concurrency = positive(name, value);
                case "--rate" -> rate = positive(name, value);
                case "--seconds" -> seconds = positive(name, value);
                case "--warm-up" -> warmUp = positive(name, value);
                case "--warm-up-max" -> warmUpMax = positive(name, value);
                case "--phases" -> phases = letters(name, value, ALL_PHASES);
                case "--profile" -> profiled = letters(name, value, LOAD_PHASES);
                default -> throw new IllegalArgumentException("Unknown option " + name + ". " + USAGE);
            }
        }
        Set<String> notRun = new LinkedHashSet<>(profiled);
        notRun.removeAll(phases);
        if (!notRun.isEmpty()) {
            throw new IllegalArgumentException("--profile names " + String.join(",", notRun)
                    + ", which --phases does not run");
        }
        if (seconds > MAX_SECONDS) {
            throw new IllegalArgumentException(("--seconds is at most %d: the requests of phase b are signed before it"
                    + " starts, and intake takes a signature up to 5 minutes old; got %d").formatted(MAX_SECONDS,
                    seconds));
        }
        int warmUpCap = warmUpMax != null ? warmUpMax : Math.max(warmUp, DEFAULT_WARM_UP_MAX);
        if (warmUpCap < warmUp) {
            throw new IllegalArgumentException("--warm-up-max (%,d) is below --warm-up (%,d). ".formatted(warmUpCap,
                    warmUp) + USAGE);
        }
        return new BenchmarkOptions(burst, concurrency, rate, seconds, warmUp, warmUpCap, kill, Set.copyOf(phases),
                Set.copyOf(profiled));
    }

    /** The warm-up these options ask for: {@code --warm-up} at least, {@code --warm-up-max} at most. */
    WarmUp warmUpPlan() {
        return new WarmUp(warmUp, WarmUp.ROUND, WarmUp.QUIET_CORES, warmUpMax);
    }

    /** Whether a phase runs: chosen, and for the kill not switched off by {@code --no-kill}. */
    boolean runs(String phase) {
        return phases.contains(phase) && (kill || !phase.equals("d"));
    }

    /** Whether every part of the stack is recorded during a phase. */
    boolean profiles(String phase) {
        return profiled.contains(phase);
    }

    private static Set<String> letters(String name, String value, List<String> allowed) {
        Set<String> chosen = new LinkedHashSet<>(Arrays.asList(value.toLowerCase(Locale.ROOT).split("\\s*,\\s*")));
        if (!allowed.containsAll(chosen)) {
            throw new IllegalArgumentException(name + " takes letters of " + allowed + ", got " + value);
        }
        return chosen;
    }

    private static int positive(String name, String value) {
        try {
            int number = Integer.parseInt(value.replace("_", ""));
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // Answered below, with the option's name.
        }
        throw new IllegalArgumentException(name + " takes a positive whole number, got " + value);
    }
}
