package org.mtb.benchmarks.submissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The load driver's blocking HTTP client against a server on a real socket that answers as told. */
class KeepAliveHttpTests {

    private AnsweringServer server;
    private List<String> requests;
    private AtomicInteger connections;

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    @Test
    void readsAnAnswerByItsLengthAndSendsTheNextRequestOnTheSameConnection() throws IOException {
        serve(false, request -> answer(201, "Content-Length", "{\"n\":1}"));
        try (KeepAliveHttp http = client()) {
            KeepAliveHttp.Answer first = http.post("/api/v1/applications", Map.of("Idempotency-Key", "k-1"), "酒泉");
            KeepAliveHttp.Answer second = http.post("/api/v1/applications", Map.of("Idempotency-Key", "k-2"), "{}");

            assertThat(first.status()).isEqualTo(201);
            assertThat(first.body()).isEqualTo("{\"n\":1}");
            assertThat(first.headers()).containsEntry("idempotent-replayed", "false");
            assertThat(second.status()).isEqualTo(201);
        }
        assertThat(connections).hasValue(1);
        assertThat(requests.getFirst()).startsWith("POST /api/v1/applications HTTP/1.1\r\n")
                .contains("Idempotency-Key: k-1\r\n").contains("Content-Length: 6\r\n").endsWith("\r\n\r\n酒泉");
    }

    @Test
    void sendsARequestMadeEarlierAsPostSendsItAtOnce() throws IOException {
        serve(false, request -> answer(201, "Content-Length", "{}"));
        try (KeepAliveHttp http = client()) {
            byte[] made = http.request("/api/v1/applications", Map.of("Idempotency-Key", "k-1"), "酒泉");
            assertThat(http.post("/api/v1/applications", Map.of("Idempotency-Key", "k-1"), "酒泉").status())
                    .isEqualTo(201);
            assertThat(http.send(made).status()).isEqualTo(201);
        }
        assertThat(requests).hasSize(2);
        assertThat(requests.get(1)).isEqualTo(requests.get(0));
    }

    @Test
    void readsAChunkedAnswer() throws IOException {
        serve(false, request -> answer(503, "chunked", "{\"code\":\"SERVICE_BUSY\"}"));
        try (KeepAliveHttp http = client()) {
            KeepAliveHttp.Answer answer = http.post("/x", Map.of(), "{}");

            assertThat(answer.status()).isEqualTo(503);
            assertThat(answer.body()).isEqualTo("{\"code\":\"SERVICE_BUSY\"}");
        }
    }

    @Test
    void sendsARequestAgainOnANewConnectionWhenTheServerHadClosedThePooledOne() throws IOException {
        serve(true, request -> answer(201, "Content-Length", "{}"));
        try (KeepAliveHttp http = client()) {
            assertThat(http.post("/x", Map.of(), "one").status()).isEqualTo(201);
            assertThat(http.post("/x", Map.of(), "two").status()).isEqualTo(201);
        }
        assertThat(connections).hasValue(2);
        assertThat(requests).hasSize(2);
    }

    @Test
    void doesNotSendARequestAgainWhenTheAnswerTimedOut() throws IOException {
        serve(false, request -> null);
        try (KeepAliveHttp http = new KeepAliveHttp("127.0.0.1", server.port(), Duration.ofMillis(300))) {
            assertThatThrownBy(() -> http.post("/x", Map.of(), "slow")).isInstanceOf(SocketTimeoutException.class);
        }
        assertThat(requests).hasSize(1);
    }

    @Test
    void anAnswerThatIsNotHttpIsAnIoFailureThatNamesWhatCame() throws IOException {
        serve(false, request -> "HTTP/1.1 2O1 X\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.UTF_8));
        try (KeepAliveHttp http = client()) {
            assertThatThrownBy(() -> http.post("/x", Map.of(), "{}")).isInstanceOf(KeepAliveHttp.MalformedAnswer.class)
                    .hasMessageContaining("2O1").hasCauseInstanceOf(NumberFormatException.class);
        }
        assertThat(requests).hasSize(1);
    }

    private KeepAliveHttp client() {
        return new KeepAliveHttp("127.0.0.1", server.port(), Duration.ofSeconds(5));
    }

    private static byte[] answer(int status, String framing, String body) {
        return AnsweringServer.answer(status, framing, body);
    }

    private void serve(boolean closeAfterOne, java.util.function.Function<String, byte[]> answers) throws IOException {
        server = new AnsweringServer(closeAfterOne, answers);
        requests = server.requests;
        connections = server.connections;
    }
}
