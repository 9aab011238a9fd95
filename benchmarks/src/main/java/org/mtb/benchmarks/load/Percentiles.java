package org.mtb.benchmarks.load;

import java.util.Arrays;
import java.util.Collection;

/** Nearest-rank percentiles of measured milliseconds. */
public final class Percentiles {

    private final double[] sorted;

    private Percentiles(double[] sorted) {
        this.sorted = sorted;
    }

    public static Percentiles ofMillis(Collection<? extends Number> millis) {
        double[] values = millis.stream().mapToDouble(Number::doubleValue).toArray();
        Arrays.sort(values);
        return new Percentiles(values);
    }

    public int count() {
        return sorted.length;
    }

    /** The smallest value at least {@code share} of all values are not above; 0 when nothing was measured. */
    public double at(double share) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(share * sorted.length) - 1;
        return sorted[Math.min(sorted.length - 1, Math.max(0, index))];
    }

    public double max() {
        return sorted.length == 0 ? 0 : sorted[sorted.length - 1];
    }

    /** {@code p50 12 ms, p99 340 ms, max 1,203 ms}. */
    public String summary() {
        if (sorted.length == 0) {
            return "nothing measured";
        }
        return "p50 %s, p99 %s, max %s".formatted(millis(at(0.50)), millis(at(0.99)), millis(max()));
    }

    /** Whole milliseconds from 10 ms up, one decimal below, where the decimal still says something. */
    public static String millis(double millis) {
        return Math.abs(millis) >= 10 ? "%,.0f ms".formatted(millis) : "%.1f ms".formatted(millis);
    }
}
