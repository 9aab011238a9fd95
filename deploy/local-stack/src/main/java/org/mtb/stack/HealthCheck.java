package org.mtb.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/** Asks a service's actuator whether it is up, once or until it is. */
final class HealthCheck {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    private HealthCheck() {
    }

    static URI healthUri(int port) {
        return URI.create("http://127.0.0.1:" + port + "/actuator/health");
    }

    /** HTTP 200 with status UP; anything else, including no answer at all, is "not healthy (yet)". */
    static boolean isUp(int port) {
        HttpRequest request = HttpRequest.newBuilder(healthUri(port))
                .timeout(Duration.ofSeconds(3))
                .header("Accept", "application/json")
                .GET()
                .build();
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().replace(" ", "").contains("\"status\":\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Polls {@code /actuator/health} every half second until it answers 200 UP; fails early when the part's process (as
     * {@code process} gives it, null for none) has exited.
     */
    static void await(String part, int port, Duration timeout, Supplier<ManagedProcess> process, Path log) {
        Instant deadline = Instant.now().plus(timeout);
        while (!isUp(port)) {
            ManagedProcess current = process.get();
            if (current != null && !current.isAlive()) {
                throw new StackException(part, log, part + " exited with code " + current.exitValue()
                        + " before it was healthy");
            }
            if (Instant.now().isAfter(deadline)) {
                throw new StackException(part, log, part + " was not healthy at " + healthUri(port) + " within "
                        + timeout.toSeconds() + " s");
            }
            Ports.sleep(Duration.ofMillis(500));
        }
    }
}
