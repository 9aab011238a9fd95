package org.mtb.support.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets at most {@code mtb.web.max-concurrent-requests} API requests ({@code /api/**}) work at once; one more waits for
 * a place and is otherwise answered 503 {@code SERVICE_BUSY} with {@code Retry-After}. With virtual threads a servlet
 * service takes every request that arrives; past what MongoDB and the CPU can carry, each then waits longer, the heap
 * fills with waiting requests, and the service fails for all. A caller told to come back soon is better served.
 * Health and metrics are never held back.
 *
 * <p>How long one waits depends on the queue, as in CoDel's admission of requests: while the queue of waiting requests
 * has been empty at some moment within the last {@code mtb.web.burst-wait}, a newcomer waits up to that long, so that a
 * pause of a few hundred milliseconds (a collection, a slow commit) is carried through and answered late rather than
 * refused; once the queue has stood that long without emptying, the service is overloaded, and a newcomer waits only
 * {@code mtb.web.max-wait}, so that the excess is answered at once and the waiting requests stay few. At most
 * {@code mtb.web.max-waiting} wait at once (as many as may work, by default); one more is refused without waiting. Each
 * waiting request holds a Tomcat request processor (about 64 KB of buffers; Tomcat keeps 200 for reuse and makes more
 * as needed), so the bound is on memory as much as on time.
 */
final class BusyGate extends OncePerRequestFilter {

    private static final byte[] BUSY = ("{\"type\":\"about:blank\",\"title\":\"Service busy\",\"status\":503,"
            + "\"detail\":\"Too many requests are being handled now; try again in a second.\","
            + "\"code\":\"SERVICE_BUSY\"}").getBytes(StandardCharsets.UTF_8);

    private final Semaphore places;
    private final int maxWaiting;
    private final AtomicInteger waiting = new AtomicInteger();
    private final long standingWaitNanos;
    private final long burstWaitNanos;
    private final Counter refused;
    private final Timer waited;
    /** When an arriving request last found no request waiting. */
    private volatile long queueEmptyAt = System.nanoTime();

    /**
     * @param maxWaiting the requests that may wait at once; one more is refused at once
     * @param maxWait the wait of a request that finds the queue standing (not empty for {@code burstWait})
     * @param burstWait the wait of a request while the queue has emptied within that long; at least {@code maxWait}
     */
    BusyGate(int maxConcurrent, int maxWaiting, Duration maxWait, Duration burstWait, MeterRegistry meters) {
        if (burstWait.compareTo(maxWait) < 0) {
            throw new IllegalArgumentException("mtb.web.burst-wait (" + burstWait + ") must not be shorter than"
                    + " mtb.web.max-wait (" + maxWait + ")");
        }
        this.places = new Semaphore(maxConcurrent, true);
        this.maxWaiting = maxWaiting;
        this.standingWaitNanos = maxWait.toNanos();
        this.burstWaitNanos = burstWait.toNanos();
        this.refused = Counter.builder("mtb.web.requests.refused.busy")
                .description("API requests answered 503 SERVICE_BUSY because too many were being handled")
                .register(meters);
        this.waited = Timer.builder("mtb.web.requests.waited")
                .description("How long API requests that found every place taken waited for one, served or refused")
                // Counts past each common wait: intake's max-wait, every service's, the default burst-wait.
                .serviceLevelObjectives(Duration.ofMillis(100), Duration.ofMillis(300), Duration.ofSeconds(1))
                .register(meters);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!enter()) {
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

    /**
     * Takes a place: at once if one is free and none waits, otherwise after waiting as long as the queue allows; none
     * if {@code maxWaiting} wait already.
     */
    private boolean enter() {
        try {
            // A timed try, even of none, keeps the semaphore's order: no newcomer takes a place before those waiting.
            if (places.tryAcquire(0, TimeUnit.NANOSECONDS)) {
                return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        if (waiting.incrementAndGet() > maxWaiting) {
            waiting.decrementAndGet();
            return false;
        }
        long start = System.nanoTime();
        try {
            return places.tryAcquire(longestWait(start), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            waiting.decrementAndGet();
            waited.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    /** The longest wait for a request arriving {@code now}: long while the queue empties now and then, short after. */
    private long longestWait(long now) {
        if (!places.hasQueuedThreads()) {
            queueEmptyAt = now;
            return burstWaitNanos;
        }
        return now - queueEmptyAt < burstWaitNanos ? burstWaitNanos : standingWaitNanos;
    }
}
