package org.mtb.e2e;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.bson.Document;

/**
 * Everything the stack stored, as text, to be searched for personal data in clear: every document of every MongoDB
 * database, every record (key, headers, value) of every Kafka topic including the internal ones, and every log file.
 */
final class StoredData {

    /** Where a searched value was found, and how much was searched. */
    record Dump(Map<String, String> places, int documents, int records, int logFiles) {

        /** The places (a collection, a topic, a log file) holding any of the values. */
        Map<String, List<String>> holding(List<String> values) {
            Map<String, List<String>> found = new LinkedHashMap<>();
            places.forEach((place, text) -> {
                List<String> present = values.stream().filter(text::contains).toList();
                if (!present.isEmpty()) {
                    found.put(place, present);
                }
            });
            return found;
        }

        int documentsIn(String place) {
            String text = places.getOrDefault(place, "");
            return text.isEmpty() ? 0 : (int) text.lines().count();
        }
    }

    private StoredData() {
    }

    static Dump of(int mongoPort, String kafkaBootstrapServers, Path logs) {
        Map<String, String> places = new LinkedHashMap<>();
        int documents = mongo(mongoPort, places);
        int records = kafka(kafkaBootstrapServers, places);
        int logFiles = logs(logs, places);
        return new Dump(places, documents, records, logFiles);
    }

    private static int mongo(int port, Map<String, String> places) {
        int documents = 0;
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port + "/?directConnection=true")) {
            for (String name : client.listDatabaseNames()) {
                MongoDatabase database = client.getDatabase(name);
                for (String collection : database.listCollectionNames()) {
                    StringBuilder text = new StringBuilder();
                    for (Document document : database.getCollection(collection).find()) {
                        text.append(document.toJson()).append('\n');
                        documents++;
                    }
                    places.put("mongo " + name + "." + collection, text.toString());
                }
            }
        }
        return documents;
    }

    private static int kafka(String bootstrapServers, Map<String, String> places) {
        Set<String> topics;
        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin client = Admin.create(admin)) {
            topics = client.listTopics(new ListTopicsOptions().listInternal(true)).names().get();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot list the topics", e);
        }
        Properties consumer = new Properties();
        consumer.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        consumer.put(ConsumerConfig.GROUP_ID_CONFIG, "e2e-dump-" + UUID.randomUUID());
        consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumer.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
        int records = 0;
        try (KafkaConsumer<byte[], byte[]> reader = new KafkaConsumer<>(consumer, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            for (String topic : topics) {
                List<TopicPartition> partitions = reader.partitionsFor(topic).stream()
                        .map(p -> new TopicPartition(topic, p.partition())).toList();
                reader.assign(partitions);
                reader.seekToBeginning(partitions);
                Map<TopicPartition, Long> ends = reader.endOffsets(partitions);
                StringBuilder text = new StringBuilder();
                while (partitions.stream().anyMatch(p -> reader.position(p) < ends.get(p))) {
                    for (ConsumerRecord<byte[], byte[]> record : reader.poll(Duration.ofMillis(500))) {
                        text.append(string(record.key())).append(' ');
                        for (Header header : record.headers()) {
                            text.append(header.key()).append('=').append(string(header.value())).append(' ');
                        }
                        text.append(string(record.value())).append('\n');
                        records++;
                    }
                }
                places.put("kafka " + topic, text.toString());
            }
        }
        return records;
    }

    private static int logs(Path logs, Map<String, String> places) {
        if (!Files.isDirectory(logs)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(logs)) {
            List<Path> regular = files.filter(Files::isRegularFile).toList();
            for (Path file : regular) {
                places.put("log " + logs.relativize(file), new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
            }
            return regular.size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String string(byte[] bytes) {
        return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
    }

    static List<String> names(Map<String, ?> places, String prefix) {
        return new ArrayList<>(places.keySet().stream().filter(place -> place.startsWith(prefix)).toList());
    }
}
