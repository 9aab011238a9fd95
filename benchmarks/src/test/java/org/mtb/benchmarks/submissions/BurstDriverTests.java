package org.mtb.benchmarks.submissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The burst's workers against a stand-in for intake that answers as each test says. */
class BurstDriverTests {

    private final Set<Integer> accepted = ConcurrentHashMap.newKeySet();

    @Test
    void sendsAnApplicationAgainAfterA503UntilItIsAccepted() throws InterruptedException {
        Set<Integer> refusedOnce = ConcurrentHashMap.newKeySet();
        LoadResult result = new LoadResult();

        new BurstDriver(index -> refusedOnce.add(index) ? answered(index, 503) : accept(index), Duration.ofSeconds(30))
                .run(result, 100, 20, 4);

        assertThat(accepted).hasSize(20).allMatch(index -> index >= 100 && index < 120);
        assertThat(result.errors()).isEqualTo("HTTP 503: 20");
    }

    @Test
    void aBurstThatStallsSaysWhenTheLastAcceptanceCameAndWhatWasAnsweredSince() {
        LoadResult result = new LoadResult();

        assertThatThrownBy(() -> new BurstDriver(index -> index < 3 ? accept(index) : answered(index, 503),
                Duration.ofMillis(500)).run(result, 0, 10, 2))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Only 3 of 10 applications were answered within 0.5 s")
                .hasMessageContaining("the last acceptance came 0.")
                .hasMessageMatching(".*answers other than an acceptance: HTTP 503: [1-9][0-9,]*$");
    }

    @Test
    void aWorkersFaultLeavesItsApplicationToTheOthers() throws InterruptedException {
        AtomicBoolean failedOnce = new AtomicBoolean();
        LoadResult result = new LoadResult();

        new BurstDriver(index -> {
            if (index == 7 && failedOnce.compareAndSet(false, true)) {
                throw new IllegalStateException("a fault of the load's own code");
            }
            return accept(index);
        }, Duration.ofSeconds(30)).run(result, 0, 20, 3);

        assertThat(accepted).hasSize(20).contains(7);
    }

    @Test
    void aFaultThatEndsEveryWorkerIsNamedWithoutWaitingForTheDeadline() {
        long start = System.nanoTime();

        assertThatThrownBy(() -> new BurstDriver(index -> {
            if (index == 5) {
                throw new IllegalStateException("cannot make request 5");
            }
            return accept(index);
        }, Duration.ofMinutes(10)).run(new LoadResult(), 0, 10, 3))
                .hasMessageMatching("Only [0-9] of 10 applications .*")
                .hasMessageEndingWith("a worker of the load ended on java.lang.IllegalStateException: cannot make request 5")
                .hasRootCauseMessage("cannot make request 5");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMinutes(1));
    }

    private Outcome accept(int index) {
        accepted.add(index);
        long now = System.currentTimeMillis();
        return new Outcome(index, 201, 1_000, now, "MTB" + index, now, false, null);
    }

    private static Outcome answered(int index, int status) {
        return new Outcome(index, status, 1_000, System.currentTimeMillis(), null, 0, false, null);
    }
}
