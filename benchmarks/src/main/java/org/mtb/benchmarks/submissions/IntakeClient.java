package org.mtb.benchmarks.submissions;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Submits applications to intake-service over HTTP/1.1, as a channel's backend would. */
final class IntakeClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final URI applications;
    private final JsonMapper json;
    private final ApplicationBodies bodies;
    private final String keyPrefix;

    /** {@code keyPrefix} makes the idempotency keys of this run its own. */
    IntakeClient(int port, JsonMapper json, String keyPrefix) {
        this.applications = URI.create("http://127.0.0.1:" + port + "/api/v1/applications");
        this.json = json;
        this.bodies = new ApplicationBodies(json);
        this.keyPrefix = keyPrefix;
    }

    /** Application {@code index}, always with the same idempotency key, so a retry cannot apply twice. */
    Outcome submit(int index) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(applications).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", keyPrefix + "-" + index)
                .POST(HttpRequest.BodyPublishers.ofString(bodies.json(index))).build();
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            long latencyMicros = (System.nanoTime() - start) / 1000;
            long answeredAt = System.currentTimeMillis();
            if (response.statusCode() != 201) {
                return new Outcome(index, response.statusCode(), latencyMicros, answeredAt, null, 0, false, null);
            }
            JsonNode body = json.readTree(response.body());
            boolean replayed = response.headers().firstValue("Idempotent-Replayed").map(Boolean::parseBoolean)
                    .orElse(false);
            return new Outcome(index, 201, latencyMicros, answeredAt, body.get("applicationNumber").asString(),
                    epochMillis(body.get("submittedAt")), replayed, null);
        } catch (IOException e) {
            return Outcome.noAnswer(index, (System.nanoTime() - start) / 1000, e);
        }
    }

    /** An ISO-8601 instant, or epoch seconds with a fraction where a mapper writes dates as numbers. */
    private static long epochMillis(JsonNode instant) {
        return instant.isNumber() ? Math.round(instant.asDouble() * 1000)
                : Instant.parse(instant.asString()).toEpochMilli();
    }
}
