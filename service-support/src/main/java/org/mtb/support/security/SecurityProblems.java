package org.mtb.support.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.mtb.support.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Answers a request without a valid token (401) or with a role that may not do it (403) as problem+json with a stable
 * code, besides the {@code WWW-Authenticate} header RFC 6750 asks for. Never echoes the token.
 */
public final class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    /** More signed bodies at once than a service holds in memory; the same code as its busy gate's. */
    public static final String SERVICE_BUSY = "SERVICE_BUSY";
    /** A path or header the firewall refuses. */
    public static final String REQUEST_REJECTED = "REQUEST_REJECTED";
    /** No bearer token at all. */
    public static final String TOKEN_MISSING = "TOKEN_MISSING";
    /** A token past its expiry. */
    public static final String TOKEN_EXPIRED = "TOKEN_EXPIRED";
    /** A token with a bad signature or algorithm, another issuer or audience, or not a JWT. */
    public static final String TOKEN_INVALID = "TOKEN_INVALID";
    /** A valid token whose roles may not do what was asked. */
    public static final String ROLE_NOT_ALLOWED = "ROLE_NOT_ALLOWED";

    /** A channel's request without one of the {@code x-tif-*} headers. */
    public static final String CHANNEL_SIGNATURE_MISSING = "CHANNEL_SIGNATURE_MISSING";
    /** {@code x-tif-paasid} names no configured channel, or not the client of the token. */
    public static final String CHANNEL_UNKNOWN_PAASID = "CHANNEL_UNKNOWN_PAASID";
    /** {@code x-tif-timestamp} more than the window off the server's clock. */
    public static final String CHANNEL_TIMESTAMP_OUT_OF_WINDOW = "CHANNEL_TIMESTAMP_OUT_OF_WINDOW";
    /** {@code x-tif-nonce} not 16 to 64 characters of the allowed alphabet. */
    public static final String CHANNEL_NONCE_INVALID = "CHANNEL_NONCE_INVALID";
    /** {@code x-tif-nonce} seen before within the window, by any instance: a replay. */
    public static final String CHANNEL_NONCE_REPLAYED = "CHANNEL_NONCE_REPLAYED";
    /** The body is not the one whose digest was signed. */
    public static final String CHANNEL_BODY_CHANGED = "CHANNEL_BODY_CHANGED";
    /** The signature matches none of the channel's secrets. */
    public static final String CHANNEL_SIGNATURE_INVALID = "CHANNEL_SIGNATURE_INVALID";
    /** A signed body larger than a signed request may be. */
    public static final String CHANNEL_BODY_TOO_LARGE = "CHANNEL_BODY_TOO_LARGE";
    static final java.util.List<String> CHANNEL_CODES = java.util.List.of(CHANNEL_SIGNATURE_MISSING,
            CHANNEL_UNKNOWN_PAASID, CHANNEL_TIMESTAMP_OUT_OF_WINDOW, CHANNEL_NONCE_INVALID, CHANNEL_NONCE_REPLAYED,
            CHANNEL_BODY_CHANGED, CHANNEL_SIGNATURE_INVALID, CHANNEL_BODY_TOO_LARGE);

    private static final Logger log = LoggerFactory.getLogger(SecurityProblems.class);
    private final BearerTokenAuthenticationEntryPoint challenge = new BearerTokenAuthenticationEntryPoint();
    private final BearerTokenAccessDeniedHandler denial = new BearerTokenAccessDeniedHandler();

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException refused)
            throws IOException {
        challenge.commence(request, response, refused);
        String header = request.getHeader("Authorization");
        boolean noToken = header == null || header.isBlank();
        String reason = String.valueOf(refused.getMessage());
        String code = noToken ? TOKEN_MISSING
                : reason.toLowerCase(Locale.ROOT).contains("expired") ? TOKEN_EXPIRED : TOKEN_INVALID;
        if (!noToken) {
            // Not the path: a mistyped one may hold an ID number or a phone.
            log.info("Refused an access token for a {} request: {}", request.getMethod(), reason);
        }
        Problems.write(response, unauthorized(code, noToken ? "This needs an access token: Authorization: Bearer <token>"
                : "The access token was refused: " + reason));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        denial.handle(request, response, denied);
        Problems.write(response, forbidden());
    }

    /** 401 with the code; also used for a refusal raised inside a controller. */
    public static ProblemDetail unauthorized(String code, String detail) {
        return Problems.of(HttpStatus.UNAUTHORIZED, code, "Not authenticated", detail, List.of());
    }

    /** 413 for a signed request whose body is larger than a signed request's may be. */
    static ProblemDetail tooLarge(String detail) {
        return Problems.of(HttpStatus.CONTENT_TOO_LARGE, CHANNEL_BODY_TOO_LARGE, "Body too large", detail, List.of());
    }

    /** 503 for a signed request that found no room for its body in time; see {@link BodiesInMemory}. */
    static ProblemDetail busy() {
        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, SERVICE_BUSY, "Service busy", "Too many signed requests "
                + "are being handled now; send the same request again in a second (its nonce was not used)", List.of());
    }

    /** 400 for a request Spring Security's firewall refuses; see the auto-configuration's handler. */
    static ProblemDetail rejected() {
        return Problems.of(HttpStatus.BAD_REQUEST, REQUEST_REJECTED, "Request rejected", "The request's path or "
                + "headers are not accepted here (a ';', '//' or '..' in the path, for example)", List.of());
    }

    /** 403 for a role that may not do what was asked; also used for a refusal raised inside a controller. */
    public static ProblemDetail forbidden() {
        return Problems.of(HttpStatus.FORBIDDEN, ROLE_NOT_ALLOWED, "Not allowed",
                "The roles of this access token may not do this", List.of());
    }
}
