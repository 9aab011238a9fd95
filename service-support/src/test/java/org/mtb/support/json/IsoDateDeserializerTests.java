package org.mtb.support.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ext.javatime.deser.LocalDateDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/** Which dates the common form reads, seen through a reader that notes what it is given. */
class IsoDateDeserializerTests {

    private final List<String> read = new ArrayList<>();
    private final JsonMapper json = JsonMapper.builder().addModule(new SimpleModule("noting")
            .addDeserializer(LocalDate.class, noting())).build();

    @Test
    void readsTheCommonFormOfAPlainPropertyItself() {
        assertThat(json.readValue("{\"on\":\"2026-11-23\"}", Plain.class).on()).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(read).containsExactly("2026-11-23");
    }

    @Test
    void leavesAPropertyWithAFormatOfItsOwnToJacksonAlone() {
        assertThat(json.readValue("{\"on\":\"23/11/2026\"}", Formatted.class).on())
                .isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(read).isEmpty();
    }

    @Test
    void leavesADateTypeWithAFormatSetOnTheMapperToJacksonAlone() {
        JsonMapper formatted = JsonMapper.builder().addModule(new SimpleModule("noting")
                .addDeserializer(LocalDate.class, noting()))
                .withConfigOverride(LocalDate.class, o -> o.setFormat(JsonFormat.Value.forPattern("dd/MM/yyyy")))
                .build();

        assertThat(formatted.readValue("{\"on\":\"23/11/2026\"}", Plain.class).on())
                .isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(read).isEmpty();
    }

    @Test
    void givesJacksonWhatIsNotAString() {
        assertThat(json.readValue("{\"on\":[2026,11,23]}", Plain.class).on()).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(read).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private ValueDeserializer<LocalDate> noting() {
        return (ValueDeserializer<LocalDate>) (ValueDeserializer<?>) new IsoDateDeserializer(
                LocalDateDeserializer.INSTANCE, text -> {
                    read.add(text);
                    return IsoDates.localDate(text);
                });
    }

    record Plain(LocalDate on) {
    }

    record Formatted(@JsonFormat(pattern = "dd/MM/yyyy") LocalDate on) {
    }
}
