package org.mtb.catalog.outbox;

import java.nio.charset.StandardCharsets;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;

/** Sends one stored event to its topic and waits for the broker's acknowledgement (producer {@code sync}). */
@Component
class EventPublisher {

    private final StreamBridge bridge;

    EventPublisher(StreamBridge bridge) {
        this.bridge = bridge;
    }

    void publish(String topic, String key, String eventId, String payload) {
        Message<byte[]> message = MessageBuilder.withPayload(payload.getBytes(StandardCharsets.UTF_8))
                .setHeader(KafkaHeaders.KEY, key.getBytes(StandardCharsets.UTF_8))
                .setHeader(MessageHeaders.CONTENT_TYPE, "application/json")
                .setHeader("eventId", eventId)
                .build();
        if (!bridge.send(topic, message)) {
            throw new IllegalStateException("Event " + eventId + " was not accepted for " + topic);
        }
    }
}
