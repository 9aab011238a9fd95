package org.mtb.benchmarks.timers;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.mtb.benchmarks.load.StackProcesses;
import org.mtb.benchmarks.load.StackTokens;
import org.mtb.stack.LocalStack;
import org.mtb.stack.StackSettings;

/** What the timer benchmark reads from review-service: its metrics and its process. */
final class ReviewProbe {

    private final LocalStack stack;
    private final String metricsUri;
    private final StackSettings settings;
    private final HttpClient http = HttpClient.newHttpClient();

    ReviewProbe(LocalStack stack, StackSettings settings) {
        this.stack = stack;
        this.metricsUri = settings.serviceUrl("review") + "/actuator/prometheus";
        this.settings = settings;
    }

    /** Waits until review-service has opened the burst's cases; they must all be open before they fall due. */
    void awaitOpened(String region, int burst, Instant dueAt) throws IOException, InterruptedException {
        while (Instant.now().isBefore(dueAt)) {
            double opened = metrics().lines().filter(l -> l.startsWith("review_cases_opened_total")
                    && l.contains("region=\"" + region + "\"")).mapToDouble(ReviewProbe::value).sum();
            if (opened >= burst) {
                TimerBenchmark.report("burst", "all %,d cases of region %s open %.1f s before they fall due", burst,
                        region, Duration.between(Instant.now(), dueAt).toMillis() / 1000.0);
                return;
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("The cases of region " + region
                + " were not all open when they fell due: raise --grace-seconds");
    }

    /** The service's own view of the lateness of its timers. */
    void reportTimerMetrics() throws IOException, InterruptedException {
        metrics().lines().filter(l -> l.startsWith("review_timers_lateness_seconds")
                && (l.contains("quantile=\"0.99\"") || l.startsWith("review_timers_lateness_seconds_max")))
                .forEach(l -> TimerBenchmark.report("service metric", "%s", l));
    }

    void reportMemory(String label) throws IOException, InterruptedException {
        double heap = metrics().lines()
                .filter(l -> l.startsWith("jvm_memory_used_bytes") && l.contains("area=\"heap\""))
                .mapToDouble(ReviewProbe::value).sum();
        long residentKb = StackProcesses.residentKb(stack.pid("review-service"));
        TimerBenchmark.report(label, "heap used %.0f MB, process resident %s", heap / 1024 / 1024,
                residentKb < 0 ? "unknown" : "%,d MB".formatted(residentKb / 1024));
    }

    private String metrics() throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(metricsUri)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + StackTokens.prometheus(settings)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static double value(String line) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
    }
}
