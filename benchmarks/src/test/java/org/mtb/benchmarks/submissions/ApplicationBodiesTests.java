package org.mtb.benchmarks.submissions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** A body's JSON made from its kind's JSON is the JSON Jackson writes for the body. */
class ApplicationBodiesTests {

    private final JsonMapper json = JsonMapper.builder().build();
    private final ApplicationBodies bodies = new ApplicationBodies(json, PreparedMaterials.placeholders());

    @Test
    void everyBodyIsWhatJacksonWritesForIt() {
        IntStream.concat(IntStream.range(0, 20_000), IntStream.of(24_000 * 7 + 5, 1_000_003, 36_123_457))
                .forEach(i -> assertThat(bodies.json(i)).as("application %d", i)
                        .isEqualTo(json.writeValueAsString(bodies.body(i))));
    }

    @Test
    void setsThePersonsOwnValues() {
        String first = bodies.json(0);
        String second = bodies.json(3 * 4 * 3 * 2 * 4 * 5); // the same kind of application, another person

        assertThat(first).contains("\"idNumber\":\"" + ApplicationBodies.idNumber("620900", 0) + "\"")
                .contains("\"reference\":\"ev-0\"").doesNotContain("@@");
        assertThat(second).isNotEqualTo(first).contains("\"reference\":\"ev-1440\"");
    }
}
