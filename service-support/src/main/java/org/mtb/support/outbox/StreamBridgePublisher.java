package org.mtb.support.outbox;

import java.nio.charset.StandardCharsets;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;

/**
 * Sends through the service's Spring Cloud Stream Kafka binder, whose producer is synchronous
 * ({@code spring.cloud.stream.kafka.default.producer.sync: true}): the send returns after the acknowledgement.
 */
class StreamBridgePublisher implements OutboxPublisher {

    private final StreamBridge bridge;

    StreamBridgePublisher(StreamBridge bridge) {
        this.bridge = bridge;
    }

    @Override
    public void publish(OutboxEntry event) {
        Message<byte[]> message = MessageBuilder.withPayload(event.payload().getBytes(StandardCharsets.UTF_8))
                .setHeader(KafkaHeaders.KEY, event.key().getBytes(StandardCharsets.UTF_8))
                .setHeader(MessageHeaders.CONTENT_TYPE, "application/json")
                .setHeader("eventId", event.eventId())
                .build();
        if (!bridge.send(event.topic(), message)) {
            throw new IllegalStateException("Event " + event.eventId() + " was not accepted for " + event.topic());
        }
    }
}
