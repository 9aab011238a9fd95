package org.mtb.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaNodeTests {

    @TempDir
    Path dataDir;

    @Test
    void listensOnLoopbackForClientsAndForTheController() throws IOException {
        Properties props = written(new KafkaNode(dataDir, 19092, 19093));

        assertThat(props.getProperty("listeners"))
                .isEqualTo("PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093");
        assertThat(props.getProperty("advertised.listeners")).isEqualTo("PLAINTEXT://127.0.0.1:19092");
        assertThat(props.getProperty("controller.listener.names")).isEqualTo("CONTROLLER");
    }

    @Test
    void runsAsCombinedBrokerAndControllerThatIsItsOwnSingleVoter() throws IOException {
        Properties props = written(new KafkaNode(dataDir, 9092, 9093));

        assertThat(props.getProperty("process.roles")).isEqualTo("broker,controller");
        assertThat(props.getProperty("node.id")).isEqualTo("1");
        assertThat(props.getProperty("controller.quorum.voters")).isEqualTo("1@127.0.0.1:9093");
    }

    @Test
    void keepsItsLogsInsideTheDataDir() throws IOException {
        KafkaNode node = new KafkaNode(dataDir, 9092, 9093);

        Properties props = written(node);

        assertThat(Path.of(props.getProperty("log.dirs"))).isEqualTo(dataDir.resolve("kafka/data").toAbsolutePath());
        assertThat(node.serverPropertiesFile()).isEqualTo(dataDir.resolve("kafka/server.properties").toAbsolutePath());
        assertThat(Files.isDirectory(node.logDir())).isTrue();
    }

    @Test
    void replicatesInternalTopicsOnceBecauseThereIsOneBroker() throws IOException {
        Properties props = written(new KafkaNode(dataDir, 9092, 9093));

        assertThat(props).containsEntry("offsets.topic.replication.factor", "1")
                .containsEntry("transaction.state.log.replication.factor", "1")
                .containsEntry("transaction.state.log.min.isr", "1")
                .containsEntry("default.replication.factor", "1")
                .containsEntry("min.insync.replicas", "1");
    }

    @Test
    void createsTopicsOnFirstUseWithThreePartitionsAndRebalancesAtOnce() throws IOException {
        Properties props = written(new KafkaNode(dataDir, 9092, 9093));

        assertThat(props).containsEntry("auto.create.topics.enable", "true")
                .containsEntry("num.partitions", "3")
                .containsEntry("group.initial.rebalance.delay.ms", "0")
                .containsEntry("log.cleaner.enable", "true");
    }

    @Test
    void keepsTheClusterIdItGeneratedOnce() {
        String first = new KafkaNode(dataDir, 9092, 9093).clusterId();
        String second = new KafkaNode(dataDir, 19092, 19093).clusterId();

        assertThat(first).hasSize(22).isEqualTo(second);
    }

    @Test
    void runsTheBrokerWithASmallHeapTheSerialCollectorAndC1Only() {
        assertThat(KafkaNode.JVM_OPTIONS).contains("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
    }

    @Test
    void formatsWithTheStorageToolUsingTheKeptClusterIdAndTheWrittenConfig() {
        KafkaNode node = new KafkaNode(dataDir, 9092, 9093);

        assertThat(KafkaNode.STORAGE_TOOL).isEqualTo("kafka.tools.StorageTool");
        assertThat(node.formatArguments()).containsExactly("format", "--cluster-id", node.clusterId(),
                "--config", node.serverPropertiesFile().toString(), "--ignore-formatted");
    }

    @Test
    void countsAsFormattedOnceMetaPropertiesExists() throws IOException {
        KafkaNode node = new KafkaNode(dataDir, 9092, 9093);
        assertThat(node.isFormatted()).isFalse();

        Files.createDirectories(node.logDir());
        Files.writeString(node.logDir().resolve("meta.properties"), "node.id=1\n");

        assertThat(node.isFormatted()).isTrue();
    }

    private static Properties written(KafkaNode node) throws IOException {
        Properties props = new Properties();
        try (Reader reader = Files.newBufferedReader(node.writeServerProperties())) {
            props.load(reader);
        }
        return props;
    }
}
