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
    void refusesAWarmUpThatIsNotAPositiveWholeNumber() {
        assertThatThrownBy(() -> BenchmarkOptions.parse(new String[] {"--warm-up", "0"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--warm-up");
        assertThatThrownBy(() -> BenchmarkOptions.parse(new String[] {"--warm-up"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Missing value of --warm-up");
    }
}
