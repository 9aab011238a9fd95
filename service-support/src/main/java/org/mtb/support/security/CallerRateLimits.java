package org.mtb.support.security;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.mtb.support.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits each caller to its requests a second: a channel by its client id, a person by the account (the token's
 * subject), with a Resilience4j {@link RateLimiter} each. Over the limit answers 429 {@value #RATE_LIMITED} with
 * {@code Retry-After}, at once, without waiting. Actuator endpoints (Prometheus's scrapes) are not counted. The
 * limiters of the {@value #LIMITERS_KEPT} callers seen last are kept; one forgotten starts afresh.
 */
final class CallerRateLimits extends OncePerRequestFilter {

    static final String RATE_LIMITED = "RATE_LIMITED";
    static final String METRIC = "mtb.requests.rate.limited";
    static final int LIMITERS_KEPT = 10_000;
    private static final Duration PERIOD = Duration.ofSeconds(1);

    private final RateLimitProperties limits;
    private final MeterRegistry meters;
    private final RecentlyUsed<String, RateLimiter> limiters = new RecentlyUsed<>(LIMITERS_KEPT);

    CallerRateLimits(RateLimitProperties limits, MeterRegistry meters) {
        this.limits = limits;
        this.meters = meters;
        meters.counter(METRIC, "caller", "channel");
        meters.counter(METRIC, "caller", "account");
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/actuator/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof Jwt token)) {
            chain.doFilter(request, response);
            return;
        }
        boolean channel = Role.CHANNEL.heldBy(authentication);
        String client = token.getClaimAsString("azp");
        String key = channel ? "channel:" + client : "account:" + token.getSubject();
        int limit = channel ? limits.limitOfChannel(String.valueOf(client)) : limits.perAccount();
        if (limiter(key, limit).acquirePermission()) {
            chain.doFilter(request, response);
            return;
        }
        String caller = channel ? "channel" : "account";
        meters.counter(METRIC, "caller", caller).increment();
        response.setHeader("Retry-After", String.valueOf(PERIOD.toSeconds()));
        Problems.write(response, Problems.of(HttpStatus.TOO_MANY_REQUESTS, RATE_LIMITED, "Too many requests",
                "This " + caller + " may send at most " + limit + " requests a second; try again after "
                        + PERIOD.toSeconds() + " s", List.of()));
    }

    private RateLimiter limiter(String key, int limit) {
        return limiters.computeIfAbsent(key, name -> RateLimiter.of(name, RateLimiterConfig.custom()
                .limitForPeriod(limit).limitRefreshPeriod(PERIOD).timeoutDuration(Duration.ZERO).build()));
    }
}
