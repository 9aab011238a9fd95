package org.mtb.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.mtb.contracts.intake.ApplicationSubmitted;
import org.mtb.support.json.EventJsonAutoConfiguration;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * What reading one {@code ApplicationSubmitted} costs review and notification, each of which reads every
 * application's event: the golden fixture of schema 2 with the eleven materials of a 620900 application (about 2.3 KB),
 * read at C1, the only compiler of those services as {@code ./mtb up} starts them ({@code -jvmArgsAppend
 * -XX:+UseSerialGC} on the command line replaces that, for C2 as intake has it). Run from the repository's root.
 * {@code mapper}: Jackson alone; with Blackbird; with Blackbird and the common date forms read directly, as the
 * services read ({@code EventJsonAutoConfiguration}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"})
@Threads(1)
public class EventReadingBenchmark {

    private static final Path FIXTURE = Path.of("contracts/src/test/resources/events/application-submitted.v2.json");
    private static final int MATERIALS = 11;

    @Param({"jackson", "blackbird", "services"})
    public String mapper;

    private ObjectReader reader;
    private byte[] event;

    @Setup
    public void setUp() throws IOException {
        JsonMapper.Builder builder = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        EventJsonAutoConfiguration services = new EventJsonAutoConfiguration();
        switch (mapper) {
            case "jackson" -> { }
            case "blackbird" -> builder.addModule(services.blackbirdModule());
            case "services" -> builder.addModule(services.blackbirdModule()).addModule(services.isoDates());
            default -> throw new IllegalArgumentException(mapper);
        }
        reader = builder.build().readerFor(ApplicationSubmitted.class);
        event = withMaterials(Files.readString(FIXTURE)).getBytes(StandardCharsets.UTF_8);
        if (((ApplicationSubmitted) reader.readValue(event)).materials().size() != MATERIALS) {
            throw new IllegalStateException("the event did not read whole");
        }
    }

    @Benchmark
    public ApplicationSubmitted readAnApplicationSubmitted() {
        return reader.readValue(event);
    }

    /** The fixture with the materials, kind and dates an application of 620900 carries. */
    private static String withMaterials(String fixture) {
        StringBuilder materials = new StringBuilder(",\"materials\":[");
        for (int i = 0; i < MATERIALS; i++) {
            materials.append(i == 0 ? "" : ",").append("{\"type\":\"MATERIAL_").append(i)
                    .append("\",\"materialIds\":[\"0193a1f2-7c4e-7d2a-9b1c-").append("%012d".formatted(i))
                    .append("\"],\"issuedOn\":\"2026-10-").append(10 + i).append("\",\"issuerLevel\":3}");
        }
        materials.append("],\"kind\":\"NEW\"}");
        return fixture.substring(0, fixture.lastIndexOf('}')) + materials;
    }
}
