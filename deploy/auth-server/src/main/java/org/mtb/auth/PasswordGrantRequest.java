package org.mtb.auth;

import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationGrantAuthenticationToken;

/**
 * A token request with the resource owner password grant ({@code grant_type=password}), the grant Keycloak calls
 * direct access grants. OAuth 2.1 drops it; the realm allows it only for the development client {@code mtb-cli}, so
 * that a newcomer, the end-to-end tests and the benchmarks can get a person's token with curl.
 */
final class PasswordGrantRequest extends OAuth2AuthorizationGrantAuthenticationToken {

    static final AuthorizationGrantType PASSWORD = new AuthorizationGrantType("password");

    private final String username;
    private final String password;

    PasswordGrantRequest(Authentication client, String username, String password) {
        super(PASSWORD, client, Map.of());
        this.username = username;
        this.password = password;
    }

    String username() {
        return username;
    }

    String password() {
        return password;
    }
}
