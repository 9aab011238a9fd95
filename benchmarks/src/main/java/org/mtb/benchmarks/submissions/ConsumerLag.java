package org.mtb.benchmarks.submissions;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.mtb.contracts.Topics;

/**
 * The consumer lag of the services' groups: records on the topics a group reads that it has not committed yet.
 * {@code intake.application-submitted} always counts, from its beginning, even before the group committed anything.
 */
final class ConsumerLag implements AutoCloseable {

    /** The groups of review-service and notification-service: {@code spring.cloud.stream} bindings' group. */
    static final List<String> SERVICE_GROUPS = List.of("review-service", "notification-service");

    private static final Duration POLL = Duration.ofMillis(500);
    private static final long ANSWER_SECONDS = 10;

    private final Admin admin;

    ConsumerLag(String bootstrapServers) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    long lag(String group) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(ANSWER_SECONDS, TimeUnit.SECONDS);
        Set<String> topics = new TreeSet<>();
        committed.keySet().forEach(partition -> topics.add(partition.topic()));
        topics.add(Topics.APPLICATION_SUBMITTED);
        Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
        Map<TopicPartition, OffsetSpec> starts = new HashMap<>();
        for (TopicDescription topic : admin.describeTopics(topics).allTopicNames()
                .get(ANSWER_SECONDS, TimeUnit.SECONDS).values()) {
            for (TopicPartitionInfo info : topic.partitions()) {
                TopicPartition partition = new TopicPartition(topic.name(), info.partition());
                ends.put(partition, OffsetSpec.latest());
                if (committed.get(partition) == null) {
                    starts.put(partition, OffsetSpec.earliest());
                }
            }
        }
        Map<TopicPartition, ListOffsetsResultInfo> end = admin.listOffsets(ends).all()
                .get(ANSWER_SECONDS, TimeUnit.SECONDS);
        Map<TopicPartition, ListOffsetsResultInfo> start = starts.isEmpty() ? Map.of()
                : admin.listOffsets(starts).all().get(ANSWER_SECONDS, TimeUnit.SECONDS);
        long lag = 0;
        for (Map.Entry<TopicPartition, ListOffsetsResultInfo> partition : end.entrySet()) {
            OffsetAndMetadata offset = committed.get(partition.getKey());
            long from = offset != null ? offset.offset() : start.get(partition.getKey()).offset();
            lag += Math.max(0, partition.getValue().offset() - from);
        }
        return lag;
    }

    /**
     * Samples every group's lag every 500 ms from now until each was 0 once or {@code max} passed since
     * {@code loadEndMillis}, the moment the load's last answer was in; prints per group when it was back to 0.
     */
    void reportCatchUp(String phase, long loadEndMillis, Duration max) throws Exception {
        Map<String, Long> first = new LinkedHashMap<>();
        Map<String, Long> last = new LinkedHashMap<>();
        Map<String, Double> zeroAfter = new LinkedHashMap<>();
        while (true) {
            for (String group : SERVICE_GROUPS) {
                if (!zeroAfter.containsKey(group)) {
                    long lag = lag(group);
                    first.putIfAbsent(group, lag);
                    last.put(group, lag);
                    if (lag == 0) {
                        zeroAfter.put(group, (System.currentTimeMillis() - loadEndMillis) / 1000.0);
                    }
                }
            }
            if (zeroAfter.size() == SERVICE_GROUPS.size()
                    || System.currentTimeMillis() - loadEndMillis > max.toMillis()) {
                break;
            }
            Thread.sleep(POLL);
        }
        for (String group : SERVICE_GROUPS) {
            Double after = zeroAfter.get(group);
            String state = after != null
                    ? "back to 0 %.1f s after the load's end (target <= 10 s: %s)".formatted(after,
                            after <= 10 ? "met" : "missed")
                    : "still %,d records %d s after the load's end".formatted(last.get(group), max.toSeconds());
            SubmissionBenchmark.report(phase, "%s lag %s; %,d when first sampled", group, state, first.get(group));
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
