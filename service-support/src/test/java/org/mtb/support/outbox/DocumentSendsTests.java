package org.mtb.support.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;
import org.mtb.support.outbox.DocumentSends.Outcome;
import org.springframework.messaging.MessageHandlingException;

/** Which failures count against an event (and may park it), and which are Kafka's own trouble. */
class DocumentSendsTests {

    private static final List<OutboxEntry> EVENTS = List.of(new OutboxEntry("e-1", "topic", "key", "{}",
            Instant.EPOCH));

    @Test
    void countsAgainstTheEventWhatKafkaWouldRefuseAgain() {
        assertThat(failed(new KafkaException(new RecordTooLargeException("2000000 bytes")))).isFalse();
        assertThat(failed(new IllegalStateException("Event e-1 was not accepted for topic"))).isFalse();
        assertThat(failed(new NullPointerException("no key"))).as("an event stored without a key").isFalse();
    }

    @Test
    void neverCountsAnOutageAgainstTheEventsItHoldsUp() {
        assertThat(failed(new MessageHandlingException(null, new KafkaException(new TimeoutException("down")))))
                .isTrue();
        assertThat(failed(new KafkaException(new TopicAuthorizationException("credentials to renew")))).isTrue();
        assertThat(failed(new RuntimeException(new java.util.concurrent.TimeoutException("send timed out"))))
                .isTrue();
    }

    @Test
    void namesKafkasOwnAnswerAndNeverMoreThanFiveHundredCharacters() {
        Outcome outcome = Outcome.failed(List.of(), EVENTS, new MessageHandlingException(null,
                new KafkaException(new RecordTooLargeException("x".repeat(1000)))));

        assertThat(outcome.error()).startsWith("org.apache.kafka.common.errors.RecordTooLargeException").hasSize(500);
        assertThat(outcome.unsent()).containsExactly("e-1");
    }

    /** Whether the failure is taken as retriable: Kafka could not take the event now. */
    private static boolean failed(Throwable error) {
        return Outcome.failed(List.of(), EVENTS, error).retriable();
    }
}
