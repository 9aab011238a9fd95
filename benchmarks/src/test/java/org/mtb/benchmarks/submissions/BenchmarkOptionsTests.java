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
    void refusesAWarmUpThatIsNotAPositiveWholeNumber() {
        assertThatThrownBy(() -> BenchmarkOptions.parse(new String[] {"--warm-up", "0"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--warm-up");
        assertThatThrownBy(() -> BenchmarkOptions.parse(new String[] {"--warm-up"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Missing value of --warm-up");
    }
}
