package org.mtb.benchmarks.submissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BenchmarkOptionsTests {

    @Test
    void warmsUpWithThreeThousandApplicationsUnlessToldOtherwise() {
        assertThat(BenchmarkOptions.parse(new String[0]).warmUp()).isEqualTo(3_000);
        assertThat(BenchmarkOptions.parse(new String[] {"--warm-up", "30_000", "--phases", "b,c"}))
                .satisfies(options -> {
                    assertThat(options.warmUp()).isEqualTo(30_000);
                    assertThat(options.phases()).containsExactlyInAnyOrder("b", "c");
                });
    }

    @Test
    void profilesNoPhaseUnlessToldToAndOnlyTheLoadPhases() {
        assertThat(BenchmarkOptions.parse(new String[0]).profiled()).isEmpty();
        BenchmarkOptions profiled = BenchmarkOptions.parse(new String[] {"--profile", "b, C"});
        assertThat(profiled.profiles("b")).isTrue();
        assertThat(profiled.profiles("c")).isTrue();
        assertThat(profiled.profiles("a")).isFalse();
        assertThatThrownBy(() -> BenchmarkOptions.parse(new String[] {"--profile", "b,d"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--profile takes letters of [a, b, c], got b,d");
        assertThatThrownBy(() -> BenchmarkOptions.parse(new String[] {"--phases", "a,b", "--profile", "b,c"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--profile names c, which --phases does not run");
    }

    @Test
    void warmsUpWhileTheCompilersAreAtWorkAtMostTwentyThousandUnlessToldOtherwise() {
        assertThat(BenchmarkOptions.parse(new String[0]).warmUpPlan())
                .isEqualTo(new WarmUp(3_000, WarmUp.ROUND, WarmUp.QUIET_CORES, 20_000));
        assertThat(BenchmarkOptions.parse(new String[0]).warmUpPlan().next(3_000, 0.5)).isEqualTo(WarmUp.ROUND);
        assertThat(BenchmarkOptions.parse(new String[] {"--warm-up", "30000"}).warmUpPlan().atMost())
                .isEqualTo(30_000);
        assertThat(BenchmarkOptions.parse(new String[] {"--warm-up-max", "3000"}).warmUpPlan().next(3_000, 0.5))
                .as("a fixed warm-up of 3,000, as before 2026-12-05").isZero();
        assertThat(BenchmarkOptions.parse(new String[] {"--warm-up", "5000", "--warm-up-max", "5000"}).warmUpPlan()
                .next(5_000, 0.5)).isZero();
        assertThatThrownBy(() -> BenchmarkOptions.parse(new String[] {"--warm-up", "5000", "--warm-up-max", "4000"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("--warm-up-max (4,000) is below --warm-up (5,000).");
    }

    @Test
    void refusesAPhaseBThatWouldOutliveTheSignaturesOfItsRequests() {
        assertThat(BenchmarkOptions.parse(new String[] {"--seconds", "270"}).seconds()).isEqualTo(270);
        assertThatThrownBy(() -> BenchmarkOptions.parse(new String[] {"--seconds", "300"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("--seconds is at most 270: the requests of phase b are signed before it starts")
                .hasMessageEndingWith("got 300");
    }

    @Test
    void refusesAWarmUpThatIsNotAPositiveWholeNumber() {
        assertThatThrownBy(() -> BenchmarkOptions.parse(new String[] {"--warm-up", "0"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--warm-up");
        assertThatThrownBy(() -> BenchmarkOptions.parse(new String[] {"--warm-up"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Missing value of --warm-up");
    }
}
