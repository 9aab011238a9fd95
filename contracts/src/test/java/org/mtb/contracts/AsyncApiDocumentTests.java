package org.mtb.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

class AsyncApiDocumentTests {

    private static final Path DOCUMENT = Path.of("src/main/resources/asyncapi.yaml");

    @Test
    void theCommittedDocumentIsTheOneTheTopicsAndRecordsGive() throws IOException {
        String generated = AsyncApiDocument.write();
        if (Boolean.getBoolean("asyncapi.write")) {
            Files.writeString(DOCUMENT, generated);
        }

        assertThat(Files.readString(DOCUMENT)).as("asyncapi.yaml is out of date: regenerate it with ./mvnw -pl"
                + " contracts test -Dtest=AsyncApiDocumentTests -Dasyncapi.write=true").isEqualTo(generated);
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyTopicHasAChannelAndEveryMessageAPayloadSchemaWithTheRecordsFields() throws Exception {
        Map<String, Object> document = new Yaml().load(Files.readString(DOCUMENT));
        Map<String, Map<String, Object>> channels = (Map<String, Map<String, Object>>) document.get("channels");
        List<String> addresses = channels.values().stream().map(c -> String.valueOf(c.get("address"))).toList();

        assertThat(addresses).containsExactlyInAnyOrderElementsOf(topics());
        Map<String, Object> components = (Map<String, Object>) document.get("components");
        Map<String, Map<String, Object>> schemas = (Map<String, Map<String, Object>>) components.get("schemas");
        for (AsyncApiDocument.Channel channel : AsyncApiDocument.CHANNELS) {
            Map<String, Object> properties = (Map<String, Object>) schemas.get(channel.event().getSimpleName())
                    .get("properties");
            List<String> fields = new ArrayList<>();
            for (var component : channel.event().getRecordComponents()) {
                fields.add(component.getName());
            }
            assertThat(properties.keySet()).as(channel.topic()).containsExactlyElementsOf(fields);
            assertThat(properties).containsKeys("eventId", "schemaVersion", "occurredAt");
        }
        Map<String, Object> submitted = (Map<String, Object>) ((Map<String, Object>) components.get("messages"))
                .get("ApplicationSubmitted");
        Map<String, Object> submittedData = (Map<String, Object>) submitted.get("x-personal-data");
        for (SealedField field : SealedField.values()) {
            assertThat((String) submittedData.get(field.path())).as(field.path()).startsWith("sealed");
        }
        Map<String, Object> decided = (Map<String, Object>) ((Map<String, Object>) components.get("messages"))
                .get("ApplicationDecided");
        assertThat((String) ((Map<String, Object>) decided.get("x-personal-data")).get("recipient.phone"))
                .startsWith("sealed");
    }

    private static List<String> topics() throws IllegalAccessException {
        List<String> topics = new ArrayList<>();
        for (Field field : Topics.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                topics.add((String) field.get(null));
            }
        }
        return topics;
    }
}
