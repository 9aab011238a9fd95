package org.mtb.support.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DedicatedLoopTests {

    @Test
    void keepsItsPaceWhileAnotherLoopIsStuckInARound() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger stuckRounds = new AtomicInteger();
        AtomicInteger rounds = new AtomicInteger();
        DedicatedLoop stuck = new DedicatedLoop("stuck", Duration.ZERO, Duration.ofMillis(10), () -> {
            stuckRounds.incrementAndGet();
            waitFor(release);
        });
        DedicatedLoop timely = new DedicatedLoop("timely", Duration.ZERO, Duration.ofMillis(10),
                rounds::incrementAndGet);
        stuck.start();
        timely.start();
        try {
            await().atMost(Duration.ofSeconds(2)).until(() -> rounds.get() >= 20);
            assertThat(stuckRounds).hasValue(1);
        } finally {
            release.countDown();
            stuck.stop();
            timely.stop();
        }
    }

    @Test
    void goesOnAfterARoundFailedAndStopsWhenTold() {
        AtomicInteger rounds = new AtomicInteger();
        DedicatedLoop loop = new DedicatedLoop("failing", Duration.ZERO, Duration.ofMillis(5), () -> {
            if (rounds.incrementAndGet() % 2 == 1) {
                throw new IllegalStateException("a round that fails");
            }
        });
        loop.start();
        await().atMost(Duration.ofSeconds(2)).until(() -> rounds.get() >= 6);

        loop.stop();

        assertThat(loop.isRunning()).isFalse();
        int stoppedAt = rounds.get();
        await().during(Duration.ofMillis(100)).atMost(Duration.ofMillis(500)).until(() -> rounds.get() == stoppedAt);
    }

    @Test
    void goesOnAfterARoundThrewAnError() {
        AtomicInteger rounds = new AtomicInteger();
        DedicatedLoop loop = new DedicatedLoop("erring", Duration.ZERO, Duration.ofMillis(5), () -> {
            if (rounds.incrementAndGet() == 1) {
                throw new AssertionError("a library's Error");
            }
        });
        loop.start();
        try {
            await().atMost(Duration.ofSeconds(2)).until(() -> rounds.get() >= 3);
        } finally {
            loop.stop();
        }
    }

    @Test
    void stopsWithoutWaitingOutItsDelay() {
        DedicatedLoop slow = new DedicatedLoop("hourly", Duration.ZERO, Duration.ofHours(1), () -> { });
        slow.start();
        long start = System.nanoTime();

        slow.stop();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    private static void waitFor(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
