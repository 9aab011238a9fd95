package org.mtb.benchmarks.load;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;

/**
 * Reads one topic from its beginning on a thread of its own, polling every 50 ms, and notes per record key when the
 * record reached this consumer. Started before the load, so that the arrival is the moment a consumer could act on
 * the record, not the moment a benchmark got round to reading.
 *
 * <p>The broker answers a fetch when it holds {@value #FETCH_MIN_BYTES} bytes of records or after
 * {@value #FETCH_MAX_WAIT_MS} ms, not for each record: a reader that fetched every record at once took nearly as much
 * of the benchmark's CPU as sending the applications did (JFR, 2026-12-01), on the two cores the measured stack
 * shares. An arrival is therefore noted up to {@value #FETCH_MAX_WAIT_MS} ms later than a consumer fetching at once
 * would see it, which can only make a measured delay longer.
 *
 * <p>The partitions are assigned, not subscribed to, so no group rebalance delays the first records. A topic the
 * services have not created yet is looked for every 25 ms; the reader never creates one itself, which would give it
 * the broker's defaults instead of the services' settings.
 */
public final class TopicArrivals implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(50);
    static final int FETCH_MIN_BYTES = 64 * 1024;
    static final int FETCH_MAX_WAIT_MS = 50;
    private static final Duration LOOK_FOR_TOPIC_EVERY = Duration.ofMillis(25);
    private static final Duration LOOK_FOR_PARTITIONS_EVERY = Duration.ofSeconds(5);
    private static final Duration WAIT_STEP = Duration.ofMillis(10);

    private final String topic;
    private final boolean keepValues;
    private final Admin admin;
    private final KafkaConsumer<String, String> consumer;
    private final Map<String, Arrival> arrivals = new ConcurrentHashMap<>();
    private final AtomicLong records = new AtomicLong();
    private final Thread reader;
    private volatile boolean running = true;
    private volatile @Nullable RuntimeException failure;

    private TopicArrivals(String bootstrapServers, String topic, boolean keepValues) {
        this.topic = topic;
        this.keepValues = keepValues;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "benchmark-arrivals-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
                ConsumerConfig.FETCH_MIN_BYTES_CONFIG, FETCH_MIN_BYTES,
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, FETCH_MAX_WAIT_MS);
        this.consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                keepValues ? new StringDeserializer() : new UnreadValues());
        this.reader = Thread.ofPlatform().daemon().name("arrivals-" + topic).unstarted(this::read);
    }

    /** Starts reading {@code topic}; {@code keepValues} keeps each key's first value, e.g. to read its event. */
    public static TopicArrivals start(String bootstrapServers, String topic, boolean keepValues) {
        TopicArrivals arrivals = new TopicArrivals(bootstrapServers, topic, keepValues);
        arrivals.reader.start();
        return arrivals;
    }

    public Optional<Arrival> arrival(String key) {
        requireReading();
        return Optional.ofNullable(arrivals.get(key));
    }

    /** The arrivals of those of {@code keys} that arrived so far. */
    public Map<String, Arrival> arrivals(Collection<String> keys) {
        requireReading();
        Map<String, Arrival> found = new HashMap<>();
        for (String key : keys) {
            Arrival arrival = arrivals.get(key);
            if (arrival != null) {
                found.put(key, arrival);
            }
        }
        return found;
    }

    public int arrivedCount(Collection<String> keys) {
        return arrivals(keys).size();
    }

    /** Receipts beyond the first, over {@code keys}: records published again, which at-least-once allows. */
    public int duplicates(Collection<String> keys) {
        return arrivals(keys).values().stream().mapToInt(a -> a.receipts() - 1).sum();
    }

    /** Waits until every key has arrived; false when {@code timeout} passed first. */
    public boolean awaitAll(Collection<String> keys, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Set<String> missing = new HashSet<>(keys);
        long seen = -1;
        while (true) {
            long now = records.get();
            if (now != seen) {
                seen = now;
                missing.removeIf(arrivals::containsKey);
            }
            requireReading();
            if (missing.isEmpty()) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(WAIT_STEP);
        }
    }

    /** Waits for the first of {@code keys} to arrive. */
    public Optional<Arrival> awaitAny(Collection<String> keys, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long seen = -1;
        while (System.nanoTime() <= deadline) {
            long now = records.get();
            if (now != seen) {
                seen = now;
                for (String key : keys) {
                    Arrival arrival = arrivals.get(key);
                    if (arrival != null) {
                        return Optional.of(arrival);
                    }
                }
            }
            requireReading();
            Thread.sleep(WAIT_STEP);
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            reader.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        admin.close();
    }

    private void read() {
        Set<TopicPartition> assigned = new HashSet<>();
        long lookAgainAt = 0;
        try {
            while (running) {
                if (System.nanoTime() >= lookAgainAt) {
                    assignNewPartitions(assigned);
                    lookAgainAt = System.nanoTime()
                            + (assigned.isEmpty() ? LOOK_FOR_TOPIC_EVERY : LOOK_FOR_PARTITIONS_EVERY).toNanos();
                }
                if (assigned.isEmpty()) {
                    Thread.sleep(LOOK_FOR_TOPIC_EVERY);
                    continue;
                }
                var batch = consumer.poll(POLL);
                long arrivedAt = System.currentTimeMillis();
                for (ConsumerRecord<String, String> record : batch) {
                    note(record, arrivedAt);
                }
            }
        } catch (WakeupException | InterruptedException closing) {
            // close() asked the reader to stop.
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            consumer.close();
        }
    }

    private void note(ConsumerRecord<String, String> record, long arrivedAt) {
        String key = record.key();
        if (key == null) {
            return;
        }
        Arrival first = new Arrival(key, arrivedAt, record.timestamp(), keepValues ? record.value() : null, 1);
        arrivals.merge(key, first, (earlier, again) -> earlier.receivedAgain());
        records.incrementAndGet();
    }

    private void assignNewPartitions(Set<TopicPartition> assigned) throws InterruptedException {
        Set<TopicPartition> added = new HashSet<>();
        for (TopicPartition partition : partitions()) {
            if (assigned.add(partition)) {
                added.add(partition);
            }
        }
        if (!added.isEmpty()) {
            consumer.assign(assigned);
            consumer.seekToBeginning(added);
        }
    }

    /** The topic's partitions, none while it does not exist yet (or the broker does not answer). */
    private List<TopicPartition> partitions() throws InterruptedException {
        try {
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(5, TimeUnit.SECONDS).get(topic);
            return description == null ? List.of() : description.partitions().stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
        } catch (ExecutionException | TimeoutException notThereYet) {
            return List.of();
        }
    }

    private void requireReading() {
        RuntimeException failed = failure;
        if (failed != null) {
            throw new IllegalStateException("The reader of " + topic + " failed: " + failed.getMessage(), failed);
        }
    }
}
