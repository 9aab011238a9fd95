package org.mtb.support.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The channels' signing secrets, from a JSON file {@code {"channels": {"<paasid>": ["<secret>", "<previous>"]}}}: one
 * secret, or two while a rotation is under way. Kept out of the code and the logs; a deployment gives the file from
 * its secret store ({@code mtb.security.channel-secrets}). Without the file no channel request is accepted.
 */
final class ChannelSecrets {

    private static final int MAX_SECRETS = 2;
    private static final int MIN_SECRET_LENGTH = 16;

    private ChannelSecrets() {
    }

    static Map<String, List<String>> read(@Nullable Resource file) {
        if (file == null) {
            return Map.of();
        }
        try (InputStream in = file.getInputStream()) {
            JsonNode channels = JsonMapper.builder().build().readTree(in).path("channels");
            Map<String, List<String>> secrets = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> channel : channels.properties()) {
                List<String> values = new ArrayList<>();
                channel.getValue().values().forEach(value -> values.add(value.asString()));
                if (values.isEmpty() || values.size() > MAX_SECRETS
                        || values.stream().anyMatch(value -> value.length() < MIN_SECRET_LENGTH)) {
                    throw new IllegalStateException("Channel " + channel.getKey() + " in " + file + " needs one or two"
                            + " secrets of at least " + MIN_SECRET_LENGTH + " characters");
                }
                secrets.put(channel.getKey(), List.copyOf(values));
            }
            return secrets;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the channel secrets " + file, e);
        }
    }
}
