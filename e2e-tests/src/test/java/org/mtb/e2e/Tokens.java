package org.mtb.e2e;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens from the authorization server the stack runs, as the realm's clients get them: a person's with the
 * password grant of the development client, a channel's or Prometheus's with client credentials. Kept once issued:
 * the tokens live 15 minutes, longer than the whole run, and outlive a restart of the server, whose key is kept.
 */
final class Tokens {

    static final String DEV_PASSWORD = "dev-password";

    private final Http http;
    private final String tokenUri;
    private final Map<String, String> issued = new ConcurrentHashMap<>();

    Tokens(Http http, String tokenUri) {
        this.http = http;
        this.tokenUri = tokenUri;
    }

    /** A person of the realm's test users, e.g. {@code applicant-zhang}, {@code reviewer-659006}. */
    String person(String username) {
        return issued.computeIfAbsent("person:" + username, key -> token(Map.of("grant_type", "password",
                "client_id", "mtb-cli", "client_secret", "mtb-cli-dev-secret", "username", username,
                "password", DEV_PASSWORD)));
    }

    /** A confidential client of the realm for itself: a channel, or {@code mtb-prometheus}. */
    String client(String clientId, String secret) {
        return issued.computeIfAbsent("client:" + clientId, key -> token(Map.of("grant_type", "client_credentials",
                "client_id", clientId, "client_secret", secret)));
    }

    String prometheus() {
        return client("mtb-prometheus", "mtb-prometheus-dev-secret");
    }

    String tiemenguanPlatform() {
        return client("xj-tiemenguan-platform", "xj-tiemenguan-dev-secret");
    }

    String liupanshuiPlatform() {
        return client("gz-liupanshui-platform", "gz-liupanshui-dev-secret");
    }

    private String token(Map<String, String> form) {
        Http.Answer answer = http.form(tokenUri, form);
        if (answer.status() != 200) {
            throw new IllegalStateException("The authorization server refused " + form.get("grant_type") + " for "
                    + form.getOrDefault("username", form.get("client_id")) + ": " + answer.status() + " "
                    + answer.body());
        }
        return answer.json().get("access_token").asString();
    }
}
