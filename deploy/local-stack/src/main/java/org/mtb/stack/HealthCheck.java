package org.mtb.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Asks a service's actuator whether it is up. */
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
}
