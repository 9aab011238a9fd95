package org.mtb.support.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The keys of personal data in a file, for the embedded default: created on first use (one data key and the index
 * key, readable by its owner only, never committed), and {@link #rotate() rotated} by adding a key that becomes
 * current. Instances sharing the file (the services of one stack) read it again when they meet a key id they do not
 * know, so a value sealed by an instance that rotated first opens everywhere, and when the file changed since they
 * last looked (at most every {@link #REFRESH}), so that every instance seals with the new key soon after a rotation.
 * Two instances starting together on a missing file do not each create their own: the file appears by a link that
 * fails when it exists, and the loser reads the winner's. A deployment implements {@link KeyRing} over its KMS instead.
 *
 * <pre>{"current": "k2", "index": "&lt;base64&gt;",
 *  "keys": [{"id": "k1", "algorithm": "AES_256_GCM", "material": "&lt;base64&gt;", "created": "…"}, …]}</pre>
 */
public final class FileKeyRing implements KeyRing {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int INDEX_KEY_BYTES = 32;
    /** How long an instance seals with the key it knows before it looks whether the file named a new one. */
    static final Duration REFRESH = Duration.ofSeconds(10);

    private final Path file;
    private final CipherAlgorithm algorithm;
    private final Clock clock;
    private Map<String, DataKey> keys = Map.of();
    private String current = "";
    private byte[] indexKey = new byte[0];
    private FileTime loadedVersion = FileTime.fromMillis(0);
    private Instant lookedAt = Instant.MIN;

    /** The ring in {@code file}, created there with its first key when missing; new keys are for {@code algorithm}. */
    public FileKeyRing(Path file, CipherAlgorithm algorithm, Clock clock) {
        this.file = file;
        this.algorithm = algorithm;
        this.clock = clock;
        synchronized (this) {
            if (!Files.isRegularFile(file)) {
                create();
            }
            load();
        }
    }

    @Override
    public synchronized DataKey current() {
        Instant now = clock.instant();
        if (now.isAfter(lookedAt.plus(REFRESH))) {
            lookedAt = now;
            if (!modified().equals(loadedVersion)) {
                load();
            }
        }
        return keys.get(current);
    }

    @Override
    public synchronized DataKey key(String id) {
        DataKey key = keys.get(id);
        if (key == null) {
            load();
            key = keys.get(id);
        }
        if (key == null) {
            throw new IllegalArgumentException("No key " + id + " in " + file);
        }
        return key;
    }

    @Override
    public synchronized byte[] indexKey() {
        return indexKey.clone();
    }

    /** Adds a key for the configured algorithm and makes it current; answers it. Earlier keys stay readable. */
    public synchronized DataKey rotate() {
        load();
        ObjectNode ring = (ObjectNode) read();
        String id = "k" + (keys.size() + 1);
        ((ArrayNode) ring.get("keys")).add(keyNode(id));
        ring.put("current", id);
        write(ring);
        load();
        return current();
    }

    /** The ids of every key, oldest first. */
    public synchronized List<String> keyIds() {
        return new ArrayList<>(keys.keySet());
    }

    private void create() {
        ObjectNode ring = JSON.createObjectNode();
        ring.put("current", "k1");
        ring.put("index", Base64.getEncoder().encodeToString(random(INDEX_KEY_BYTES)));
        ring.putArray("keys").add(keyNode("k1"));
        Path partial = writePartial(ring);
        try {
            Files.createLink(file, partial);
        } catch (FileAlreadyExistsException createdMeanwhile) {
            // Another instance created the ring first: this one uses that.
        } catch (UnsupportedOperationException | IOException noLinks) {
            moveInPlace(partial);
            return;
        } finally {
            deleteQuietly(partial);
        }
    }

    private ObjectNode keyNode(String id) {
        ObjectNode key = JSON.createObjectNode();
        key.put("id", id);
        key.put("algorithm", algorithm.name());
        key.put("material", Base64.getEncoder().encodeToString(random(algorithm.keyBytes())));
        key.put("created", clock.instant().toString());
        return key;
    }

    private void load() {
        FileTime version = modified();
        JsonNode ring = read();
        Map<String, DataKey> loaded = new LinkedHashMap<>();
        for (JsonNode key : ring.path("keys")) {
            DataKey dataKey = new DataKey(key.path("id").asString(),
                    CipherAlgorithm.valueOf(key.path("algorithm").asString()),
                    Base64.getDecoder().decode(key.path("material").asString()));
            loaded.put(dataKey.id(), dataKey);
        }
        String named = ring.path("current").asString();
        if (!loaded.containsKey(named)) {
            throw new IllegalStateException(file + " names current key " + named + ", which it does not hold");
        }
        keys = java.util.Collections.unmodifiableMap(loaded);
        current = named;
        indexKey = Base64.getDecoder().decode(ring.path("index").asString());
        loadedVersion = version;
    }

    private FileTime modified() {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the key ring " + file, e);
        }
    }

    private JsonNode read() {
        try {
            return JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the key ring " + file, e);
        }
    }

    private void write(JsonNode ring) {
        moveInPlace(writePartial(ring));
    }

    private Path writePartial(JsonNode ring) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path partial = Files.createTempFile(dir, "keys", ".tmp");
            try {
                Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the file inherits its folder's access rules.
            }
            Files.writeString(partial, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(ring));
            return partial;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the key ring " + file, e);
        }
    }

    private void moveInPlace(Path partial) {
        try {
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the key ring " + file, e);
        }
    }

    private static void deleteQuietly(Path partial) {
        try {
            Files.deleteIfExists(partial);
        } catch (IOException ignored) {
            // A stray temporary file in the key folder; it holds nothing the ring does not.
        }
    }

    private static byte[] random(int bytes) {
        byte[] material = new byte[bytes];
        RANDOM.nextBytes(material);
        return material;
    }
}
