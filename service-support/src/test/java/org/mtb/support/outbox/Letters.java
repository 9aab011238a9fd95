package org.mtb.support.outbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A collection of documents that carry an outbox, as a service's would: each write appends one event to the
 * document of its key in one single-document update, then marks the document, as the services do.
 */
final class Letters {

    static final String COLLECTION = "letters";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MongoTemplate mongo;
    private final PendingOutbox pending;
    private final String topic;
    private final Clock clock;

    Letters(MongoTemplate mongo, String topic, Clock clock) {
        this.mongo = mongo;
        this.pending = new PendingOutbox(mongo, clock);
        this.topic = topic;
        this.clock = clock;
    }

    /** Appends event number {@code sequence} of {@code key} and marks its document; answers the event id. */
    String write(String key, int sequence) {
        String eventId = store(key, sequence, "x");
        pending.mark(COLLECTION, List.of(key));
        return eventId;
    }

    /** Appends an event without marking: a writer that crashed between its write and its mark. */
    String writeWithoutMark(String key, int sequence) {
        return store(key, sequence, "x");
    }

    /** Marks several documents at once, as a writer that changed them together does. */
    void mark(Collection<String> keys) {
        pending.mark(COLLECTION, List.copyOf(keys));
    }

    String store(String key, int sequence, String padding) {
        String eventId = UUID.randomUUID().toString();
        String payload = JSON.writeValueAsString(Map.of("eventId", eventId, "key", key, "sequence", sequence,
                "padding", padding));
        OutboxEntry entry = new OutboxEntry(eventId, topic, key, payload, clock.instant());
        mongo.upsert(Query.query(where("_id").is(key)), new Update().push("outbox", entry), COLLECTION);
        return eventId;
    }

    /** Events still waiting in documents' outboxes. */
    int waiting() {
        return new OutboxStore(mongo).pendingEvents(COLLECTION, new ArrayList<>(mongo.findAll(
                org.bson.Document.class, COLLECTION).stream().map(d -> d.get("_id")).toList())).values().stream()
                .mapToInt(List::size).sum();
    }

    /** Received records by event id, in the order they arrived. */
    static Map<String, List<Received>> byEventId(List<ConsumerRecord<String, String>> records) {
        Map<String, List<Received>> received = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            Received r = Received.of(record);
            received.computeIfAbsent(r.eventId(), id -> new ArrayList<>()).add(r);
        }
        return received;
    }

    /** One record as a consumer sees it. */
    record Received(String eventId, String key, int sequence, int partition, long offset) {

        static Received of(ConsumerRecord<String, String> record) {
            JsonNode payload = JSON.readTree(record.value());
            return new Received(payload.get("eventId").asString(), record.key(), payload.get("sequence").asInt(),
                    record.partition(), record.offset());
        }
    }
}
