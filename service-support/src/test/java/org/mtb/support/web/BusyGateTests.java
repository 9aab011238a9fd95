package org.mtb.support.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class BusyGateTests {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    /** A thread for each request held or waiting: the common pool may have one thread on a small machine. */
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final BusyGate gate = new BusyGate(1, 8, Duration.ofMillis(50), Duration.ofMillis(50), meters);

    @Test
    void answersServiceBusyWithRetryAfterWhileEveryPlaceIsTakenAndServesAgainOnceOneIsFree() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> first = takeThePlace(gate, release);

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
        CompletableFuture<Void> first = takeThePlace(gate, release);

        MockHttpServletResponse health = new MockHttpServletResponse();
        gate.doFilter(new MockHttpServletRequest("GET", "/actuator/health"), health, new MockFilterChain());

        assertThat(health.getStatus()).isEqualTo(200);
        release.countDown();
        first.get(5, TimeUnit.SECONDS);
    }

    @Test
    void carriesAPauseShorterThanTheBurstWaitThroughInsteadOfRefusing() throws Exception {
        BusyGate patient = new BusyGate(1, 8, Duration.ofMillis(10), Duration.ofSeconds(5), meters);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> first = takeThePlace(patient, release);

        CompletableFuture<MockHttpServletResponse> waiting = send(patient);
        Thread.sleep(300);
        assertThat(waiting).isNotDone();
        release.countDown();

        assertThat(waiting.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        first.get(5, TimeUnit.SECONDS);
        assertThat(meters.counter("mtb.web.requests.refused.busy").count()).isZero();
    }

    @Test
    void refusesAtOnceWhenTheQueueHasStoodForTheBurstWaitAndWaitsLongAgainOnceItEmptied() throws Exception {
        BusyGate patient = new BusyGate(1, 8, Duration.ofMillis(10), Duration.ofMillis(1000), meters);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> first = takeThePlace(patient, release);
        CompletableFuture<MockHttpServletResponse> early = send(patient);
        Thread.sleep(600);
        // The queue has not emptied since the early request arrived: this one still waits long, and keeps it standing.
        CompletableFuture<MockHttpServletResponse> later = send(patient);
        Thread.sleep(600);

        assertRefusedWithin(patient, 300, "a standing queue's newcomer waits max-wait, not burst-wait");
        assertThat(early.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(503);
        release.countDown();
        first.get(5, TimeUnit.SECONDS);
        assertThat(later.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        assertThat(meters.counter("mtb.web.requests.refused.busy").count()).isEqualTo(2);

        // Emptied: a newcomer behind a busy place waits long again.
        assertWaitsThroughAShortHold(patient);
    }

    @Test
    void refusesWithoutWaitingOnceAsManyAsMayWaitAreWaiting() throws Exception {
        BusyGate bounded = new BusyGate(1, 1, Duration.ofMillis(10), Duration.ofSeconds(5), meters);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> first = takeThePlace(bounded, release);
        CompletableFuture<MockHttpServletResponse> waiting = send(bounded);
        Thread.sleep(200);

        assertRefusedWithin(bounded, 1000, "refused without waiting");
        assertThat(waiting).isNotDone();
        release.countDown();
        assertThat(waiting.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        first.get(5, TimeUnit.SECONDS);
        // The one waiting has left the queue: the next may wait again.
        assertWaitsThroughAShortHold(bounded);
    }

    @Test
    void refusesABurstWaitShorterThanTheMaxWait() {
        assertThatThrownBy(() -> new BusyGate(1, 8, Duration.ofMillis(300), Duration.ofMillis(100), meters))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mtb.web.burst-wait");
    }

    /** An API request sent on a thread of its own. */
    private CompletableFuture<MockHttpServletResponse> send(BusyGate gate) {
        return CompletableFuture.supplyAsync(() -> answer(gate), threads);
    }

    private static void assertRefusedWithin(BusyGate gate, long millis, String why) {
        long start = System.nanoTime();
        MockHttpServletResponse refused = answer(gate);
        long tookMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(refused.getStatus()).isEqualTo(503);
        assertThat(tookMillis).as(why).isLessThan(millis);
    }

    /** A request behind a place held for 200 ms waits for it and is served. */
    private void assertWaitsThroughAShortHold(BusyGate gate) throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> holding = takeThePlace(gate, release);
        CompletableFuture<MockHttpServletResponse> next = send(gate);
        Thread.sleep(200);
        release.countDown();
        assertThat(next.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        holding.get(5, TimeUnit.SECONDS);
    }

    private static MockHttpServletResponse answer(BusyGate gate) {
        MockHttpServletResponse response = new MockHttpServletResponse();
        try {
            gate.doFilter(api(), response, new MockFilterChain());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return response;
    }

    /** An API request that holds the gate's one place until released. */
    private CompletableFuture<Void> takeThePlace(BusyGate gate, CountDownLatch release) throws InterruptedException {
        CountDownLatch working = new CountDownLatch(1);
        CompletableFuture<Void> holding = CompletableFuture.runAsync(() -> pass(gate, api(), () -> {
            working.countDown();
            await(release);
        }), threads);
        assertThat(working.await(5, TimeUnit.SECONDS)).isTrue();
        return holding;
    }

    private static MockHttpServletRequest api() {
        return new MockHttpServletRequest("POST", "/api/v1/applications");
    }

    private static void pass(BusyGate gate, MockHttpServletRequest request, Runnable work) {
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
