package org.mtb.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.module.blackbird.BlackbirdModule;

/**
 * The services read and write events with Jackson's Blackbird module (service-support's
 * {@code EventJsonAutoConfiguration}), which replaces Jackson's reflection by generated calls: every golden fixture
 * reads to the same record with it as without, and the record writes to the same JSON.
 */
class EventJsonTests {

    private static final Path FIXTURES = Path.of("src/test/resources/events");
    private static final List<String> PACKAGES = List.of("intake", "review", "catalog", "calendar");

    private final JsonMapper plain = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private final JsonMapper blackbird = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).addModule(new BlackbirdModule()).build();

    @Test
    void everyFixtureReadsToTheSameRecordAndWritesTheSameJsonWithBlackbird() throws IOException {
        List<Path> fixtures;
        try (Stream<Path> files = Files.list(FIXTURES)) {
            fixtures = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(fixtures).hasSizeGreaterThanOrEqualTo(22);
        for (Path fixture : fixtures) {
            byte[] json = Files.readAllBytes(fixture);
            Class<?> type = eventType(fixture.getFileName().toString());

            Object withBlackbird = blackbird.readValue(json, type);
            Object withReflection = plain.readValue(json, type);

            assertThat(withBlackbird).as(fixture.toString()).isEqualTo(withReflection);
            assertThat(blackbird.readTree(blackbird.writeValueAsBytes(withBlackbird))).as(fixture.toString())
                    .isEqualTo(plain.readTree(plain.writeValueAsBytes(withReflection)));
        }
    }

    @Test
    void theModuleIsInUse() {
        assertThat(blackbird.registeredModules()).anyMatch(BlackbirdModule.class::isInstance);
    }

    /** {@code application-submitted.v2.json} names {@code ApplicationSubmitted}, in one of the events' packages. */
    private static Class<?> eventType(String fileName) {
        StringBuilder name = new StringBuilder();
        for (String word : fileName.substring(0, fileName.indexOf('.')).split("-")) {
            name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        for (String pkg : PACKAGES) {
            try {
                return Class.forName("org.mtb.contracts." + pkg + "." + name);
            } catch (ClassNotFoundException notHere) {
                // the next package
            }
        }
        throw new AssertionError("No event record " + name + " for the fixture " + fileName);
    }
}
