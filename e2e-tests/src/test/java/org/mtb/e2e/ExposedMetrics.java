package org.mtb.e2e;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The sample names the services exposed on {@code /actuator/prometheus}, gathered over every scrape of a run: a meter
 * with tags appears at its first use, and a restart starts it again.
 */
final class ExposedMetrics {

    /** What a family adds to its name in its samples: a counter its total, a summary or histogram its parts. */
    private static final List<String> SAMPLE_SUFFIXES =
            List.of("_total", "_count", "_sum", "_bucket", "_max", "_created", "_info");

    private final Set<String> samples = new TreeSet<>();

    /** Takes the sample names of one scrape in the Prometheus text format (or OpenMetrics). */
    void record(String exposition) {
        for (String line : exposition.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int end = 0;
            while (end < line.length() && line.charAt(end) != '{' && !Character.isWhitespace(line.charAt(end))) {
                end++;
            }
            if (end > 0) {
                samples.add(line.substring(0, end));
            }
        }
    }

    /**
     * Whether a sample of that name was exposed, or of the family of that name: {@code review_sla_breaches_total}
     * or {@code review_sla_breaches} by {@code review_sla_breaches_total}, {@code review_timers_lateness_seconds} by its
     * quantiles or its {@code _count}. A name is never shortened: {@code x_bucket} needs a histogram.
     */
    boolean exposes(String name) {
        return samples.contains(name) || SAMPLE_SUFFIXES.stream().anyMatch(suffix -> samples.contains(name + suffix));
    }
}
