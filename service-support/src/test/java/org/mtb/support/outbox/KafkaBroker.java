package org.mtb.support.outbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.mtb.stack.LocalStack;
import org.mtb.stack.StackSettings;

/**
 * A real Kafka broker (KRaft, single node) in a child JVM, as {@code ./mtb up} runs it, on free ports and in a
 * temporary folder; unlike an in-JVM broker it can be stopped and started again on the same port with its data.
 */
final class KafkaBroker implements AutoCloseable {

    private final LocalStack stack;
    private final Path dataDir;

    KafkaBroker() {
        try {
            dataDir = Files.createTempDirectory("outbox-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        stack = new LocalStack(StackSettings.defaults(Path.of(".")).withDataDir(dataDir).withFreePorts());
        stack.startKafka();
    }

    String bootstrapServers() {
        return stack.settings().kafkaBootstrapServers();
    }

    void stop() {
        stack.stopKafka();
    }

    void start() {
        stack.startKafka();
    }

    @Override
    public void close() {
        stack.stopAll();
    }
}
