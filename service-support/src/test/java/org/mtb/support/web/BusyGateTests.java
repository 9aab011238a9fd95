package org.mtb.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class BusyGateTests {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final BusyGate gate = new BusyGate(1, Duration.ofMillis(50), meters);

    @Test
    void answersServiceBusyWithRetryAfterWhileEveryPlaceIsTakenAndServesAgainOnceOneIsFree() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> first = takeThePlace(release);

        MockHttpServletResponse refused = new MockHttpServletResponse();
        gate.doFilter(api(), refused, new MockFilterChain());

        assertThat(refused.getStatus()).isEqualTo(503);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
        assertThat(refused.getContentType()).isEqualTo("application/problem+json");
        assertThat(refused.getContentAsString()).contains("\"code\":\"SERVICE_BUSY\"").contains("\"status\":503");
        assertThat(meters.counter("mtb.web.requests.refused.busy").count()).isEqualTo(1);

        release.countDown();
        first.get(5, TimeUnit.SECONDS);
        MockHttpServletResponse served = new MockHttpServletResponse();
        gate.doFilter(api(), served, new MockFilterChain());
        assertThat(served.getStatus()).isEqualTo(200);
    }

    @Test
    void neverHoldsBackHealthOrMetrics() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> first = takeThePlace(release);

        MockHttpServletResponse health = new MockHttpServletResponse();
        gate.doFilter(new MockHttpServletRequest("GET", "/actuator/health"), health, new MockFilterChain());

        assertThat(health.getStatus()).isEqualTo(200);
        release.countDown();
        first.get(5, TimeUnit.SECONDS);
    }

    /** An API request that holds the gate's one place until released. */
    private CompletableFuture<Void> takeThePlace(CountDownLatch release) throws InterruptedException {
        CountDownLatch working = new CountDownLatch(1);
        CompletableFuture<Void> holding = CompletableFuture.runAsync(() -> pass(api(), () -> {
            working.countDown();
            await(release);
        }));
        assertThat(working.await(5, TimeUnit.SECONDS)).isTrue();
        return holding;
    }

    private static MockHttpServletRequest api() {
        return new MockHttpServletRequest("POST", "/api/v1/applications");
    }

    private void pass(MockHttpServletRequest request, Runnable work) {
        jakarta.servlet.http.HttpServlet servlet = new jakarta.servlet.http.HttpServlet() {
            @Override
            protected void service(jakarta.servlet.http.HttpServletRequest req,
                    jakarta.servlet.http.HttpServletResponse res) {
                work.run();
            }
        };
        try {
            gate.doFilter(request, new MockHttpServletResponse(), new MockFilterChain(servlet));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
