package org.mtb.support.security;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;

/**
 * The access token from the {@code Authorization: Bearer} header only (RFC 6750 section 2.1), as Spring Security's
 * {@code DefaultBearerTokenResolver} reads it with its defaults, without its regular expression: the token's
 * characters ({@code b64token}: letters, digits, {@code -._~+/}, then any {@code =}) are checked in a loop. Its
 * expression, run over a token of about a kilobyte on every request, took 1.5 % of intake's request threads in a
 * profile under load (JFR, 2026-12-01). A header that starts with {@code bearer} in any case but is not a
 * well-formed token is refused as the default one refuses it ({@code invalid_token}, "Bearer token is malformed").
 */
final class AuthorizationHeaderTokens implements BearerTokenResolver {

    private static final String BEARER = "Bearer ";

    @Override
    public @Nullable String resolve(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length() - 1)) {
            return null;
        }
        if (!wellFormed(authorization)) {
            throw new OAuth2AuthenticationException(BearerTokenErrors.invalidToken("Bearer token is malformed"));
        }
        return authorization.substring(BEARER.length());
    }

    /** {@code Bearer} in any case, one space, then one or more token characters and any number of {@code =}. */
    static boolean wellFormed(String authorization) {
        if (authorization.length() <= BEARER.length()
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return false;
        }
        int i = BEARER.length();
        int end = authorization.length();
        while (i < end && tokenCharacter(authorization.charAt(i))) {
            i++;
        }
        if (i == BEARER.length()) {
            return false;
        }
        while (i < end && authorization.charAt(i) == '=') {
            i++;
        }
        return i == end;
    }

    private static boolean tokenCharacter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
    }
}
