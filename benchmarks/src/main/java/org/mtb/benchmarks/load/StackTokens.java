package org.mtb.benchmarks.load;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.mtb.stack.StackSettings;
import tools.jackson.databind.json.JsonMapper;

/**
 * Access tokens from the authorization server of the stack a benchmark runs, for the realm's development clients
 * ({@code deploy/keycloak/mtb-realm.json}). A token lives 15 minutes; one is kept for 10, so that a benchmark
 * polling metrics does not load the server it measures with token requests.
 */
public final class StackTokens {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration KEPT = Duration.ofMinutes(10);
    private static final Map<String, Kept> ISSUED = new java.util.concurrent.ConcurrentHashMap<>();

    private record Kept(String token, java.time.Instant at) {
    }

    private StackTokens() {
    }

    /** Prometheus's client ({@code OPS}): reads {@code /actuator/prometheus}. */
    public static String prometheus(StackSettings settings) {
        return token(settings, Map.of("grant_type", "client_credentials", "client_id", "mtb-prometheus",
                "client_secret", "mtb-prometheus-dev-secret"));
    }

    /** A channel of the realm ({@code CHANNEL}), by its client id; its development secret is {@code <region>-dev-secret}. */
    public static String channel(StackSettings settings, String clientId) {
        String secret = switch (clientId) {
            case "gs-jiuquan-platform" -> "gs-jiuquan-dev-secret";
            case "gz-liupanshui-platform" -> "gz-liupanshui-dev-secret";
            case "xj-tiemenguan-platform" -> "xj-tiemenguan-dev-secret";
            default -> throw new IllegalArgumentException("No channel client " + clientId + " in the realm");
        };
        return token(settings, Map.of("grant_type", "client_credentials", "client_id", clientId,
                "client_secret", secret));
    }

    private static String token(StackSettings settings, Map<String, String> form) {
        String key = settings.authTokenUri() + " " + form.getOrDefault("username", form.get("client_id"));
        Kept kept = ISSUED.get(key);
        if (kept != null && kept.at().plus(KEPT).isAfter(java.time.Instant.now())) {
            return kept.token();
        }
        String token = request(settings, form);
        ISSUED.put(key, new Kept(token, java.time.Instant.now()));
        return token;
    }

    private static String request(StackSettings settings, Map<String, String> form) {
        String body = form.entrySet().stream().map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8)
                + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.authTokenUri()))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("The authorization server at " + settings.authTokenUri()
                        + " refused a token: " + answer.statusCode() + " " + answer.body());
            }
            return JSON.readTree(answer.body()).get("access_token").asString();
        } catch (IOException e) {
            throw new IllegalStateException("No token from " + settings.authTokenUri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
