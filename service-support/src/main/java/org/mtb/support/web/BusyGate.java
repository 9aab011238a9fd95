package org.mtb.support.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets at most {@code mtb.web.max-concurrent-requests} API requests ({@code /api/**}) work at once; one more waits up
 * to {@code mtb.web.max-wait} for a place and is otherwise answered 503 {@code SERVICE_BUSY} with
 * {@code Retry-After}. With virtual threads a servlet service takes every request that arrives; past what MongoDB
 * and the CPU can carry, each then waits longer, the heap fills with waiting requests, and the service fails for all.
 * A caller told to come back soon is better served. Health and metrics are never held back.
 */
final class BusyGate extends OncePerRequestFilter {

    private static final byte[] BUSY = ("{\"type\":\"about:blank\",\"title\":\"Service busy\",\"status\":503,"
            + "\"detail\":\"Too many requests are being handled now; try again in a second.\","
            + "\"code\":\"SERVICE_BUSY\"}").getBytes(StandardCharsets.UTF_8);

    private final Semaphore places;
    private final Duration maxWait;
    private final Counter refused;

    BusyGate(int maxConcurrent, Duration maxWait, MeterRegistry meters) {
        this.places = new Semaphore(maxConcurrent, true);
        this.maxWait = maxWait;
        this.refused = Counter.builder("mtb.web.requests.refused.busy")
                .description("API requests answered 503 SERVICE_BUSY because too many were being handled")
                .register(meters);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean entered;
        try {
            entered = places.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            entered = false;
        }
        if (!entered) {
            refused.increment();
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setHeader(HttpHeaders.RETRY_AFTER, "1");
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getOutputStream().write(BUSY);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            places.release();
        }
    }
}
