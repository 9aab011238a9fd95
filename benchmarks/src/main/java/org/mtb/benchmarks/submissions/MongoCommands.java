package org.mtb.benchmarks.submissions;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mtb.benchmarks.load.StackTokens;
import org.mtb.stack.StackSettings;

/**
 * The MongoDB commands each service sent, read from Micrometer's {@code mongodb.driver.commands} timer, which Spring
 * Boot registers on every MongoDB client and the services expose on {@code /actuator/prometheus}.
 */
final class MongoCommands {

    /** One counted kind of command: {@code review-service update review_cases}. */
    record Key(String service, String command, String collection) {
    }

    private static final String METRIC = "mongodb_driver_commands_seconds_count{";
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final int TOP = 12;

    private final StackSettings settings;
    private final HttpClient http = HttpClient.newHttpClient();

    MongoCommands(StackSettings settings) {
        this.settings = settings;
    }

    /** The commands counted so far by every service; empty when no service exposes the timer. */
    Map<Key, Double> scrape() throws IOException, InterruptedException {
        Map<Key, Double> counts = new HashMap<>();
        for (String service : StackSettings.SERVICES) {
            URI uri = URI.create("http://127.0.0.1:" + settings.servicePort(service) + "/actuator/prometheus");
            String body = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + StackTokens.prometheus(settings)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            body.lines().filter(line -> line.startsWith(METRIC)).forEach(line -> {
                int close = line.lastIndexOf('}');
                Map<String, String> labels = labels(line.substring(METRIC.length(), close));
                double count = Double.parseDouble(line.substring(close + 1).trim().split("\\s+")[0]);
                Key key = new Key(service, labels.getOrDefault("command", "?"), labels.getOrDefault("collection", "-"));
                counts.merge(key, count, Double::sum);
            });
        }
        return counts;
    }

    /**
     * Prints the commands per accepted application between two scrapes, by service and the most frequent kinds, and
     * the share that the services' own polling (outbox relays, timers) would have sent in the same time while idle.
     * Answers the commands per second over the window, or 0 when the timer is not exposed.
     */
    static double report(String phase, Map<Key, Double> before, Map<Key, Double> after, int accepted,
            Map<Key, Double> idlePerSecond, double windowSeconds) {
        if (after.isEmpty() || accepted == 0) {
            SubmissionBenchmark.report(phase, after.isEmpty()
                    ? "no " + METRIC + "...} on /actuator/prometheus: MongoDB command metrics are off"
                    : "no application accepted: no commands per application");
            return 0;
        }
        Map<Key, Double> sent = delta(before, after);
        double total = sent.values().stream().mapToDouble(Double::doubleValue).sum();
        double idle = idlePerSecond.values().stream().mapToDouble(Double::doubleValue).sum() * windowSeconds;
        Map<String, Double> byService = new TreeMap<>();
        sent.forEach((key, count) -> byService.merge(key.service(), count, Double::sum));
        StringBuilder services = new StringBuilder();
        byService.forEach((service, count) -> services.append(services.isEmpty() ? "" : ", ")
                .append("%s %.2f".formatted(service, count / accepted)));
        SubmissionBenchmark.report(phase, "%,.0f MongoDB commands in %.1f s (%,.0f/s) for %,d accepted applications"
                + " = %.2f per application (%s)", total, windowSeconds, total / windowSeconds, accepted,
                total / accepted, services);
        SubmissionBenchmark.report(phase, "of which the idle rate (polling) would account for %,.0f = %.2f per "
                + "application; %.2f per application net", idle, idle / accepted, (total - idle) / accepted);
        sent.entrySet().stream().sorted(Map.Entry.<Key, Double>comparingByValue(Comparator.reverseOrder()))
                .limit(TOP).forEach(e -> SubmissionBenchmark.report(phase, "  %-21s %-16s %-22s %6.2f per application",
                        e.getKey().service(), e.getKey().command(), e.getKey().collection(), e.getValue() / accepted));
        return total / windowSeconds;
    }

    /** Per kind, how many more were counted in {@code after}; a service restarted meanwhile counts from 0. */
    static Map<Key, Double> delta(Map<Key, Double> before, Map<Key, Double> after) {
        Map<Key, Double> delta = new HashMap<>();
        after.forEach((key, to) -> {
            double from = before.getOrDefault(key, 0.0);
            delta.put(key, to >= from ? to - from : to);
        });
        return delta;
    }

    /** Per kind, commands a second between two scrapes {@code seconds} apart. */
    static Map<Key, Double> rate(Map<Key, Double> before, Map<Key, Double> after, double seconds) {
        Map<Key, Double> rate = new HashMap<>();
        delta(before, after).forEach((key, count) -> rate.put(key, count / seconds));
        return rate;
    }

    private static Map<String, String> labels(String text) {
        Map<String, String> labels = new HashMap<>();
        Matcher matcher = LABEL.matcher(text);
        while (matcher.find()) {
            labels.put(matcher.group(1), matcher.group(2));
        }
        return labels;
    }
}
