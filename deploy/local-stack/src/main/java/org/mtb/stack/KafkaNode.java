package org.mtb.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.common.Uuid;

/**
 * A single Kafka node in KRaft combined mode (broker and controller in one process), kept under
 * {@code <dataDir>/kafka/}: {@code server.properties}, {@code cluster.id} and the log directory.
 *
 * <p>The quorum is the static {@code controller.quorum.voters} form rather than a dynamic
 * {@code --standalone} one: a dynamic quorum records the controller's endpoint in the metadata
 * log at format time, so overriding the port later would leave a broker that cannot find its own
 * controller. With static voters the port is read from this file on every start.
 */
final class KafkaNode {

    static final String STORAGE_TOOL = "kafka.tools.StorageTool";
    static final String KAFKA_MAIN = "kafka.Kafka";
    static final int NODE_ID = 1;

    /**
     * Kafka defaults to a 1 GB heap; a local single node needs far less, and no parallel collector. C1 only: with C2 the
     * broker's compiler was still at work minutes into a load (0.07 cores at 50 applications/s) and the broker ended
     * {@code ./mtb bench submissions} at 227-234 MB; with C1 it took 0.13-0.16 cores in all for the same load (0.14-0.24
     * with C2) and ended at 196 MB (benchmarks/README.md). That memory lets intake run with C2 within the stack's 2 GiB.
     */
    static final List<String> JVM_OPTIONS = Stream.of(
            Stream.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "-Djava.awt.headless=true"),
            JavaCommand.INFRA_LOGGING.stream(),
            // Further options for this JVM only, e.g. to try another compiler: MTB_KAFKA_JVM_OPTS="-XX:..."
            JavaCommand.optionsFrom("MTB_KAFKA_JVM_OPTS").stream())
            .flatMap(options -> options).toList();

    private final Path home;
    private final int port;
    private final int controllerPort;

    KafkaNode(Path dataDir, int port, int controllerPort) {
        this.home = dataDir.resolve("kafka").toAbsolutePath();
        this.port = port;
        this.controllerPort = controllerPort;
    }

    Path home() {
        return home;
    }

    Path logDir() {
        return home.resolve("data");
    }

    Path serverPropertiesFile() {
        return home.resolve("server.properties");
    }

    Path clusterIdFile() {
        return home.resolve("cluster.id");
    }

    /** Formatting writes meta.properties into the log directory; its presence means "already formatted". */
    boolean isFormatted() {
        return Files.exists(logDir().resolve("meta.properties"));
    }

    Map<String, String> serverProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", String.valueOf(NODE_ID));
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("controller.listener.names", "CONTROLLER");
        p.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
        p.put("log.dirs", logDir().toString());
        p.put("num.partitions", "3");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("auto.create.topics.enable", "true");
        // Consumers of a fresh group should get partitions at once, not after the 3 s production delay.
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("log.cleaner.enable", "true");
        // The cleaner's default 128 MB buffer would take a quarter of this heap for a few compacted topics.
        p.put("log.cleaner.dedupe.buffer.size", String.valueOf(16 * 1024 * 1024));
        // 50 offsets partitions (the default) make the first consumer group join slow on a two-core laptop.
        p.put("offsets.topic.num.partitions", "10");
        p.put("log.retention.hours", "168");
        return p;
    }

    /** Rewritten on every start, so changed ports take effect without touching the data. */
    Path writeServerProperties() {
        String header = "# Written by org.mtb.stack.KafkaNode on every start; edits are lost.\n";
        String text = serverProperties().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue().replace("\\", "\\\\"))
                .collect(Collectors.joining("\n", header, "\n"));
        try {
            Files.createDirectories(logDir());
            return Files.writeString(serverPropertiesFile(), text);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + serverPropertiesFile(), e);
        }
    }

    /** Generated once and kept, because a formatted log directory only accepts the id it was formatted with. */
    String clusterId() {
        try {
            if (Files.exists(clusterIdFile())) {
                return Files.readString(clusterIdFile()).trim();
            }
            String id = Uuid.randomUuid().toString();
            Files.createDirectories(home);
            Files.writeString(clusterIdFile(), id + "\n");
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write " + clusterIdFile(), e);
        }
    }

    List<String> formatArguments() {
        return List.of("format", "--cluster-id", clusterId(), "--config", serverPropertiesFile().toString(),
                "--ignore-formatted");
    }

    /** Formats the log directory if it is not formatted yet, in a child JVM that writes to the Kafka log. */
    void formatIfNeeded(Path logFile) {
        if (isFormatted()) {
            return;
        }
        ManagedProcess format = ManagedProcess.start("kafka-storage-format",
                JavaCommand.mainClass(JVM_OPTIONS, STORAGE_TOOL, formatArguments()), Map.of(), logFile);
        int exit = format.await(Duration.ofSeconds(90));
        if (exit != 0 || !isFormatted()) {
            throw new StackException("kafka", logFile, "Formatting Kafka storage in " + logDir() + " failed (exit "
                    + exit + ")");
        }
    }

    ManagedProcess start(Path logFile) {
        writeServerProperties();
        formatIfNeeded(logFile);
        return ManagedProcess.start("kafka",
                JavaCommand.mainClass(JVM_OPTIONS, KAFKA_MAIN, List.of(serverPropertiesFile().toString())),
                Map.of(), logFile);
    }
}
