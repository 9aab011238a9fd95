package org.mtb.benchmarks.submissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WarmUpTests {

    private final WarmUp plan = new WarmUp(3_000, 2_000, 0.10, 30_000);

    @Test
    void sendsTheFirstCountWhateverTheCompilersDo() {
        assertThat(plan.next(0, Double.NaN)).isEqualTo(3_000);
        assertThat(plan.next(1_000, 0.0)).isEqualTo(2_000);
    }

    @Test
    void goesOnInRoundsWhileTheCompilersAreAtWorkAndStopsOnceTheyAreQuiet() {
        assertThat(plan.next(3_000, 0.45)).isEqualTo(2_000);
        assertThat(plan.next(5_000, 0.10)).isEqualTo(2_000);
        assertThat(plan.next(7_000, 0.09)).isZero();
        assertThat(plan.warm(0.09)).isTrue();
        assertThat(plan.warm(0.10)).isFalse();
    }

    @Test
    void takesCompilersItCouldNotReadForCompilersAtWork() {
        assertThat(plan.next(3_000, Double.NaN)).isEqualTo(2_000);
        assertThat(plan.warm(Double.NaN)).isFalse();
    }

    @Test
    void endsAtItsCapStillCompilingAndSaysSo() {
        assertThat(plan.next(29_000, 0.30)).isEqualTo(1_000);
        assertThat(plan.next(30_000, 0.30)).isZero();
        assertThat(plan.warm(0.30)).isFalse();
    }

    @Test
    void refusesAThresholdThatIsNotANumberOfCores() {
        assertThatThrownBy(() -> new WarmUp(3_000, 2_000, Double.NaN, 30_000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("threshold");
    }

    @Test
    void refusesACapBelowTheFirstCount() {
        assertThatThrownBy(() -> new WarmUp(3_000, 2_000, 0.10, 2_999)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--warm-up-max must be at least --warm-up");
    }
}
